package io.jenkins.plugins.rustcargo.engine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An OutputStream that hands complete UTF-8 lines to a {@link LineSink}. */
public final class LineSplitter extends OutputStream {
    private final LineSink sink;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    public LineSplitter(LineSink sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            buffer.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                buffer.write(b, start, i - start);
                emit();
                start = i + 1;
            }
        }
        buffer.write(b, start, off + len - start);
    }

    /** Delivers a final unterminated line, if any. */
    @Override
    public synchronized void close() {
        if (buffer.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        sink.line(line);
    }
}
