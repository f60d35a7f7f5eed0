#!/usr/bin/env bash
# Maven-free check of the Jenkins API stand-ins (see docs/standins.md):
#   1. fetches the real jars the stand-ins compile against (mvn dependency:get, no transitive deps),
#   2. compiles src/standins/java with plain javac into $OUT (default /tmp/standins-out),
#   3. if MIRRORS is set, runs the API checker against the upstream sources.
# Usage: bash src/standins/check.sh            (compile only)
#        MIRRORS=/work/.mirror bash src/standins/check.sh   (compile + API check)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/standins-out}
repo=${M2_REPO:-$HOME/.m2/repository}
# groupId:artifactId:version of everything the stand-ins reference that exists for real on Maven Central.
coords=(
  net.java.sezpoz:sezpoz:1.13                                 # hudson.Extension is @net.java.sezpoz.Indexable
  org.jvnet.hudson:annotation-indexer:1.2                     # org.jenkinsci.Symbol is @Indexed (as in pom.xml)
  org.kohsuke.stapler:json-lib:2.1-rev6                       # net.sf.json.JSONObject
  com.github.spotbugs:spotbugs-annotations:4.8.6              # edu.umd.cs.findbugs.annotations.*
  com.google.code.findbugs:jsr305:3.0.2                       # meta-annotations of the above (silences javac warnings)
  org.springframework.security:spring-security-core:6.3.4     # AccessDeniedException in AccessControlled's throws clause
)
cp=()
for c in "${coords[@]}"; do
  IFS=: read -r g a v <<<"$c"
  jar="$repo/${g//.//}/$a/$v/$a-$v.jar"
  if [ ! -f "$jar" ]; then
    mvn -B -q dependency:get -Dartifact="$c" -Dtransitive=false >/dev/null
  fi
  cp+=("$jar")
done
classpath=$(IFS=:; echo "${cp[*]}")
rm -rf "$out"
mkdir -p "$out"
javac -proc:none -nowarn -d "$out" -cp "$classpath" $(find "$here/java" -name '*.java') 2> >(grep -v '^Note:' >&2)
echo "stand-ins compiled: $(find "$out" -name '*.class' | wc -l) classes in $out"
echo "classpath: $classpath"
if [ -n "${MIRRORS:-}" ]; then
  bash "${API_CHECK:-/work/shared/tools/jenkins-api-check/run.sh}" "$here/java" | tail -1
fi
