// Deliberately wrong library code (PipelineHarnessTest): a java.util.regex.Matcher, which is not
// serializable, is still a local variable when the step is called, so Jenkins cannot save the
// program there.
def call(String version) {
    def m = version =~ /v(\d+)\.(\d+)/
    if (m.find()) {
        echo "major ${m.group(1)}"
        echo "minor ${m.group(2)}"
    }
}
