// rustTest: runs the tests through the rustCargo step and, on request, publishes them to the junit
// step. Reference: vars/rustTest.txt, docs/shared-library.md.
import com.cloudbees.groovy.cps.NonCPS
import groovy.transform.Field
import io.jenkins.plugins.rustcargo.library.StepHelpers

import java.util.regex.Matcher
import java.util.regex.Pattern

@Field static final List<String> OWN_KEYS = ['junit', 'nextest', 'nextestProfile', 'features']
@Field static final String REPORTS = 'target/rustcargo-reports'

@Field static final Pattern RUNNING = ~/^\s*Running\s+(.+?)\s+\((\S+)\)\s*$/
@Field static final Pattern RUNNING_OLD = ~/^\s*Running\s+(\S+)\s*$/
@Field static final Pattern DOC_TESTS = ~/^\s*Doc-tests\s+(\S+)\s*$/
@Field static final Pattern BLOCK = ~/^running (\d+) tests?$/
@Field static final Pattern CASE = ~/^test (.+?) \.\.\. (ok|FAILED|ignored(?:, (.*))?|bench:.*)$/
@Field static final Pattern RESULT = ~/^test result: (?:ok|FAILED)\..*?(?:finished in ([0-9.]+)s)?$/
@Field static final Pattern CAPTURE = ~/^---- (.+?) (?:stdout|stderr) ----$/
@Field static final Pattern PANIC = ~/^thread '.*?'(?: \(\d+\))? panicked at (.*)$/
/** cargo's own stderr lines, which can land anywhere in libtest's output: kept out of failure details. */
@Field static final Pattern CARGO_NOISE = Pattern.compile(/^(error: (test|doctest) failed, to rerun pass .*|/ +
        /\s+(Compiling|Checking|Finished|Running|Doc-tests|Downloaded|Downloading|Fresh|Blocking|Locking|Updating|/ +
        /Adding)\s.*)$/)
@Field static final Pattern ANSI = ~/\x1B\[[0-9;?]*[ -\/]*[@-~]/
@Field static final Pattern NOT_XML = ~/[\x00-\x08\x0B\x0C\x0E-\x1F]/

/**
 * Keys of config that rustTest does not own (args, image, cacheKey, dir, secretEnv, returnStatus,
 * ...) reach rustCargo unchanged. junit: true publishes the results to Jenkins' junit step.
 */
def call(Map config = [:]) {
    Map options = [junit: false, nextest: 'auto', nextestProfile: 'ci']
    options.putAll(config)
    Map params = StepHelpers.rustCargoParams(options, OWN_KEYS)
    if (!options.junit) {
        params.args = StepHelpers.withFeatures(params.args ?: 'test', options.features)
        return rustCargo(params)
    }
    if (useNextest(options, params)) {
        return nextestWithJunit(options, params)
    }
    return libtestWithJunit(options, params)
}

/**
 * cargo test with JUnit: rustCargo copies cargo's output lines into logFile (also when cargo
 * fails); the libtest lines in it become a JUnit report, published whatever the outcome.
 */
def libtestWithJunit(Map options, Map params) {
    String reports = reportDir(params.dir as String, env.STAGE_NAME as String)
    String logFile = "${reports}/cargo-test.log"
    String xml = "${reports}/junit.xml"
    params.args = StepHelpers.withFeatures(params.args ?: 'test', options.features)
    params.logFile = logFile
    writeFile(file: logFile, text: '')
    try {
        return rustCargo(params)
    } finally {
        publishLibtest(logFile, xml)
    }
}

def publishLibtest(String logFile, String xml) {
    try {
        String report = libtestToJunit(readFile(file: logFile))
        if (report == null) {
            echo 'rustTest: cargo printed no test results, so there is no JUnit report to publish'
            return
        }
        writeFile(file: xml, text: report)
        junit(testResults: xml, allowEmptyResults: true)
    } catch (InterruptedException interrupted) {
        throw interrupted
    } catch (Exception e) { // codenarc-disable-line CatchException -- a report problem must not hide cargo's result
        echo "rustTest: could not publish the JUnit report: ${e.message}"
    }
}

/**
 * cargo nextest with JUnit: nextest writes target/nextest/<profile>/junit.xml into the target
 * cache (configured in .config/nextest.toml) and rustCargo exports it. Outputs are only exported
 * when cargo succeeds, so after a failing run a cheap 'nextest list' with the same profile, on
 * the same target cache, exports the report of the run that just failed.
 */
def nextestWithJunit(Map options, Map params) {
    String profile = options.nextestProfile as String
    String exportPattern = "nextest/${quoteRegex(profile)}/junit\\.xml"
    String xml = "${StepHelpers.targetDir(params.dir as String)}/nextest/${profile}/junit.xml"
    params.args = StepHelpers.withFeatures(params.args ?: "nextest run --profile ${profile}", options.features)
    params.output = params.output ? "(?:${params.output})|(?:${exportPattern})" : exportPattern
    sh(script: "rm -f -- ${StepHelpers.shellQuote(xml)}", label: 'rustTest: remove the previous JUnit report')
    def status
    try {
        status = rustCargo(params)
    } catch (InterruptedException interrupted) {
        throw interrupted
    } catch (Exception failure) { // codenarc-disable-line CatchException -- rethrown below, unchanged
        exportNextestReport(options, params, exportPattern)
        publishNextest(xml)
        throw failure
    }
    if (params.returnStatus && status != 0) {
        exportNextestReport(options, params, exportPattern)
    }
    publishNextest(xml)
    return status
}

def exportNextestReport(Map options, Map params, String exportPattern) {
    Map export = [:]
    export.putAll(params)
    export.remove('requireOutput')
    export.remove('logFile')
    export.args = StepHelpers.withFeatures("nextest list --profile ${options.nextestProfile}", options.features)
    export.output = exportPattern
    export.returnStatus = true
    try {
        rustCargo(export)
    } catch (InterruptedException interrupted) {
        throw interrupted
    } catch (Exception e) { // codenarc-disable-line CatchException -- a report problem must not hide cargo's result
        echo "rustTest: could not export nextest's JUnit report: ${e.message}"
    }
}

def publishNextest(String xml) {
    if (fileExists(xml)) {
        junit(testResults: xml, allowEmptyResults: true)
    } else {
        echo "rustTest: nextest wrote no ${xml}; declare it in .config/nextest.toml: " +
                '[profile.<name>.junit] path = "junit.xml"'
    }
}

/**
 * nextest: true|false|'auto'. 'auto' uses nextest when the workspace configures it
 * (.config/nextest.toml) and the image has cargo-nextest.
 */
def useNextest(Map options, Map params) {
    def choice = options.nextest
    if (choice == true || choice == 'true') {
        return true
    }
    if (choice == false || choice == 'false') {
        return false
    }
    if (choice != 'auto') {
        error("rustTest: nextest must be true, false or 'auto', not '${choice}'")
    }
    if (params.args != null) {
        return firstWord(params.args) == 'nextest'
    }
    if (!fileExists("${StepHelpers.workspaceDir(params.dir as String)}.config/nextest.toml")) {
        return false
    }
    Map probe = [:]
    probe.putAll(params)
    probe.remove('output')
    probe.remove('requireOutput')
    probe.remove('logFile')
    probe.args = 'nextest --version'
    probe.returnStatus = true
    return rustCargo(probe) == 0
}

/** Converts libtest's text output (what cargo test prints) to a JUnit XML report, or null. */
@NonCPS
String libtestToJunit(String output) {
    List<Map> binaries = []
    List<Map> suites = []
    Map suite = null
    Map capture = null
    for (String raw : output.split('\n')) {
        String line = ANSI.matcher(raw).replaceAll('').replaceAll('\r$', '')
        Matcher m = RUNNING.matcher(line)
        if (m.matches()) {
            binaries << binary(m.group(2), m.group(1))
            continue
        }
        m = RUNNING_OLD.matcher(line)
        if (m.matches()) {
            binaries << binary(m.group(1), '')
            continue
        }
        m = DOC_TESTS.matcher(line)
        if (m.matches()) {
            binaries << [name: m.group(1), source: 'doc-tests', prefix: m.group(1) + '.doc-tests', doc: true]
            continue
        }
        m = BLOCK.matcher(line)
        if (m.matches()) {
            suite = [binary: null, cases: [], time: null]
            suites << suite
            capture = null
            continue
        }
        if (suite == null) {
            continue
        }
        m = RESULT.matcher(line)
        if (m.matches()) {
            suite.time = m.group(1)
            suite = null
            capture = null
            continue
        }
        m = CASE.matcher(line)
        if (m.matches() && capture == null) {
            String result = m.group(2)
            String status = result == 'FAILED' ? 'failed' : result.startsWith('ignored') ? 'skipped' : 'passed'
            suite.cases << [name: m.group(1), status: status, reason: m.group(3), output: []]
            continue
        }
        m = CAPTURE.matcher(line)
        if (m.matches()) {
            capture = suite.cases.find { c -> c.name == m.group(1) }
            continue
        }
        if (line == 'failures:') {
            capture = null
            continue
        }
        if (capture != null && !CARGO_NOISE.matcher(line).matches()) {
            capture.output << line
        }
    }
    // cargo's "Running" lines (stderr) and libtest's blocks (stdout) arrive interleaved at random,
    // but each stream keeps its order: the n-th block belongs to the n-th test binary.
    suites.eachWithIndex { Map s, int i -> s.binary = i < binaries.size() ? binaries[i] : null }
    return suites ? junitXml(suites) : null
}

@NonCPS
private Map binary(String path, String source) {
    String file = path.replaceAll('^.*/', '').replaceAll('\\.exe$', '')
    String name = file.replaceAll('-[0-9a-f]{16}$', '')
    boolean bin = source.startsWith('unittests src/main.rs') || source.startsWith('unittests src/bin/')
    return [name: name, source: source, prefix: bin ? name + '-bin' : name, doc: false]
}

@NonCPS
private String junitXml(List<Map> suites) {
    StringBuilder xml = new StringBuilder('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n')
    suites.eachWithIndex { Map suite, int index ->
        Map bin = suite.binary ?: [name: "tests-${index + 1}", source: '', prefix: "tests-${index + 1}", doc: false]
        List<Map> cases = suite.cases
        String title = bin.source ? "${bin.name} (${bin.source})" : bin.name
        xml << "  <testsuite name=\"${xmlEscape(title)}\" tests=\"${cases.size()}\""
        xml << " failures=\"${cases.count { c -> c.status == 'failed' }}\" errors=\"0\""
        xml << " skipped=\"${cases.count { c -> c.status == 'skipped' }}\""
        xml << (suite.time ? " time=\"${suite.time}\">\n" : '>\n')
        cases.each { Map c -> xml << testCase(bin, c) }
        xml << '  </testsuite>\n'
    }
    return xml.append('</testsuites>\n').toString()
}

@NonCPS
private String testCase(Map bin, Map c) {
    String name = c.name
    String className = bin.prefix
    int sep = name.lastIndexOf('::')
    if (!bin.doc && sep > 0) {
        className = bin.prefix + '.' + name.substring(0, sep).replace('::', '.')
        name = name.substring(sep + 2)
    }
    String head = "    <testcase classname=\"${xmlEscape(className)}\" name=\"${xmlEscape(name)}\""
    if (c.status == 'passed') {
        return head + '/>\n'
    }
    if (c.status == 'skipped') {
        return head + ">\n      <skipped message=\"${xmlEscape(c.reason ?: 'ignored')}\"/>\n    </testcase>\n"
    }
    String text = c.output.join('\n').trim()
    return head + ">\n      <failure message=\"${xmlEscape(failureMessage(c.output))}\" type=\"panic\">" +
            "${xmlEscape(text)}</failure>\n    </testcase>\n"
}

/** The panic's message: the line after "thread '...' panicked at file:line:col:". */
@NonCPS
private String failureMessage(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
        Matcher m = PANIC.matcher(lines[i])
        if (m.matches()) {
            String rest = m.group(1)
            if (!rest.endsWith(':')) {
                return rest
            }
            return i + 1 < lines.size() && lines[i + 1].trim() ? lines[i + 1].trim() : rest
        }
    }
    String first = lines.find { l -> l.trim() }
    return first ? first.trim() : 'test failed'
}

@NonCPS
private String xmlEscape(String s) {
    String clean = NOT_XML.matcher(s ?: '').replaceAll('')
    return clean.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('"', '&quot;')
}

@NonCPS
private String firstWord(args) {
    List<String> words = args instanceof List ? args.collect { a -> a as String } :
            (args as String).trim().split(/\s+/) as List
    if (words && words[0] == 'cargo') {
        words = words.drop(1)
    }
    return words ? words[0] : ''
}

@NonCPS
private String reportDir(String dir, String stage) {
    String name = (stage ?: 'rustTest').replaceAll('[^A-Za-z0-9._-]+', '-')
    return "${StepHelpers.workspaceDir(dir)}${REPORTS}/${name}"
}

@NonCPS
private String quoteRegex(String s) {
    return s.collect { ch -> ch ==~ /[A-Za-z0-9_-]/ ? ch : '\\' + ch }.join('')
}
