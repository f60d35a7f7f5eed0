// The right way to do what keepMatcher does: the Matcher lives in a @NonCPS method only.
def call(String version) {
    List<String> parts = versionParts(version)
    echo "major ${parts[0]}"
    echo "minor ${parts[1]}"
}

@NonCPS
List<String> versionParts(String version) {
    def m = version =~ /v(\d+)\.(\d+)/
    return m.find() ? [m.group(1), m.group(2)] : []
}
