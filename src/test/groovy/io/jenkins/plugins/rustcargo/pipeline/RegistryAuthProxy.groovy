package io.jenkins.plugins.rustcargo.pipeline

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer

import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors

/**
 * A registry on 127.0.0.1 that wants HTTP basic credentials and serves the test environment's
 * registry behind them: a private registry for the withDockerRegistry example, which proves that
 * BuildKit pulled the toolchain image with the credentials Jenkins handed over.
 */
class RegistryAuthProxy implements Closeable {
    private static final List<String> FORWARDED = ['Content-Type', 'Content-Length', 'Docker-Content-Digest',
            'Docker-Distribution-API-Version', 'ETag']

    final List<Map> requests = Collections.synchronizedList(new ArrayList<Map>())
    private final String upstream
    private final String expected
    private final HttpServer server
    private final ExecutorService pool = Executors.newCachedThreadPool()

    RegistryAuthProxy(String upstream, String user, String password) {
        this.upstream = upstream
        this.expected = 'Basic ' + "${user}:${password}".bytes.encodeBase64().toString()
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.createContext('/', { HttpExchange ex -> handle(ex) } as HttpHandler)
        server.executor = pool
        server.start()
    }

    String getAddress() {
        return "127.0.0.1:${server.address.port}"
    }

    List<Map> authorized() {
        return requests.findAll { r -> r.authorized }
    }

    private void handle(HttpExchange ex) {
        try {
            String auth = ex.requestHeaders.getFirst('Authorization')
            boolean ok = auth == expected
            requests << [method: ex.requestMethod, path: ex.requestURI.toString(), authorized: ok, presented: auth != null]
            if (!ok) {
                ex.responseHeaders.add('WWW-Authenticate', 'Basic realm="rust-cargo test registry"')
                ex.responseHeaders.add('Docker-Distribution-API-Version', 'registry/2.0')
                ex.sendResponseHeaders(401, -1)
                return
            }
            HttpURLConnection c = (HttpURLConnection) new URL("http://${upstream}${ex.requestURI}").openConnection()
            c.requestMethod = ex.requestMethod
            c.instanceFollowRedirects = false
            ex.requestHeaders.get('Accept')?.each { v -> c.addRequestProperty('Accept', v) }
            int code = c.responseCode
            FORWARDED.each { h ->
                String v = c.getHeaderField(h)
                if (v != null && h != 'Content-Length') {
                    ex.responseHeaders.add(h, v)
                }
            }
            long length = c.getHeaderFieldLong('Content-Length', -1)
            if (ex.requestMethod == 'HEAD') {
                if (length >= 0) {
                    ex.responseHeaders.add('Content-Length', Long.toString(length))
                }
                ex.sendResponseHeaders(code, -1)
                return
            }
            InputStream body = code >= 400 ? c.errorStream : c.inputStream
            ex.sendResponseHeaders(code, length > 0 ? length : length == 0 ? -1 : 0)
            if (body != null) {
                ex.responseBody.withStream { out -> out << body }
            }
        } finally {
            ex.close()
        }
    }

    @Override
    void close() {
        server.stop(0)
        pool.shutdownNow()
    }
}
