#!/usr/bin/env bash
# Verifies that rust-cargo's label-expression parser (io.jenkins.plugins.rustcargo.jenkins.LabelExpressions, a
# hand-written port used by sweep schedules) accepts exactly what core's ANTLR grammar accepts and evaluates it the
# same way (see docs/configuration.md):
#   builds upstream's LabelExpressionLexer.g4/LabelExpressionParser.g4 (jenkins-2.479.3, parser actions stripped,
#   package ref.labels) with the real ANTLR 4.13.2, plus upstream's QuotedStringTokenizer for quoted labels, then
#   compares both on random and mutated expressions: accepted or not, and the value on random label sets.
# Needs: the jenkinsci/jenkins mirror (MIRRORS, default /work/.mirror), mvn (antlr4 from Central), and the plugin
# classes (mvn compile, or CLASSES=dir).
# Usage: bash src/standins/verify/verify-labels.sh [cases-per-seed, default 40000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
mirror=${MIRRORS:-/work/.mirror}/jenkinsci+jenkins/repo
tag=jenkins-2.479.3
work=${WORK_DIR:-/tmp/standins-verify-labels}
repo=${M2_REPO:-$HOME/.m2/repository}
classes=${CLASSES:-$root/target/classes}
n=${1:-40000}
jar() { IFS=: read -r g a v <<<"$1"; local j="$repo/${g//.//}/$a/$v/$a-$v.jar"; [ -f "$j" ] || mvn -B -q dependency:get -Dartifact="$1" -Dtransitive=false >/dev/null; echo "$j"; }
[ -f "$classes/io/jenkins/plugins/rustcargo/jenkins/LabelExpressions.class" ] || { echo "no plugin classes in $classes: run mvn compile first" >&2; exit 2; }

rm -rf "$work"; mkdir -p "$work/ref/src/ref/labels" "$work/ref/src/ref/util" "$work/out"
mvn -B -q dependency:get -Dartifact=org.antlr:antlr4:4.13.2 >/dev/null
acp=$(jar org.antlr:antlr4:4.13.2):$(jar org.antlr:antlr4-runtime:4.13.2):$(jar org.antlr:ST4:4.3.4):$(jar org.antlr:antlr-runtime:3.5.3):$(jar org.abego.treelayout:org.abego.treelayout.core:1.0.3):$(jar com.ibm.icu:icu4j:72.1):$(jar org.glassfish:javax.json:1.1.4)
git --git-dir="$mirror" show "$tag:core/src/main/antlr4/hudson/model/labels/LabelExpressionLexer.g4" > "$work/ref/LabelExpressionLexer.g4"
# The parser's actions build hudson.model.Label objects (which need a running Jenkins); the tree carries the same structure.
git --git-dir="$mirror" show "$tag:core/src/main/antlr4/hudson/model/labels/LabelExpressionParser.g4" | python3 -c '
import re, sys
g = sys.stdin.read()
g = re.sub(r"@\s*header\s*\{[^}]*\}", "", g)
g = re.sub(r"returns\s*\[[^\]]*\]", "", g)
g = re.sub(r"locals\s*\[[^\]]*\]", "", g)
g = re.sub(r"\{[^{}]*\$[^{}]*\}", "", g)  # actions use $ attributes; options { } stays
sys.stdout.write(g)' > "$work/ref/LabelExpressionParser.g4"
(cd "$work/ref" && java -cp "$acp" org.antlr.v4.Tool -package ref.labels -o src/ref/labels LabelExpressionLexer.g4 LabelExpressionParser.g4)
git --git-dir="$mirror" show "$tag:cli/src/main/java/hudson/util/QuotedStringTokenizer.java" | sed 's/^package hudson.util;/package ref.util;/' > "$work/ref/src/ref/util/QuotedStringTokenizer.java"
javac -proc:none -nowarn -d "$work/out" -cp "$acp:$classes" $(find "$work/ref/src" -name '*.java') "$here/LabelDiff.java" 2> >(grep -v '^Note:' >&2)
status=0
for seed in 1 2 3 4 5; do
  java -Dseed=$seed -cp "$work/out:$classes:$acp" io.jenkins.plugins.rustcargo.jenkins.LabelDiff "$n" | tail -20 || status=1
done
exit $status
