#!/usr/bin/env bash
# Verifies that the cron stand-ins (hudson.scheduler.*) behave exactly like upstream (see docs/standins.md):
#   1. runs upstream's own scheduler tests (CronTabTest, CronTabDayOfWeekLocaleTest, CronTabEventualityTest)
#      against the compiled stand-ins;
#   2. builds upstream CronTab/CronTabList/BaseParser/Hash with the real ANTLR 4.13.2 parser generated from
#      upstream's grammar (renamed to package ref.hudson.scheduler) and compares both on random specs and lists:
#      accepted or not, exception type and message, bits, checkSanity(), time zone, ceil/floor, check() hits.
# Needs: the jenkinsci/jenkins mirror (MIRRORS, default /work/.mirror), mvn (for junit/hamcrest/antlr4 from Central).
# Usage: bash src/standins/verify/verify-cron.sh [cases-per-seed, default 40000]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mirror=${MIRRORS:-/work/.mirror}/jenkinsci+jenkins/repo
tag=jenkins-2.479.3
work=${WORK_DIR:-/tmp/standins-verify-cron}
repo=${M2_REPO:-$HOME/.m2/repository}
n=${1:-40000}
jar() { IFS=: read -r g a v <<<"$1"; local j="$repo/${g//.//}/$a/$v/$a-$v.jar"; [ -f "$j" ] || mvn -B -q dependency:get -Dartifact="$1" -Dtransitive=false >/dev/null; echo "$j"; }

base=$(OUT=$work/standins bash "$here/../check.sh" | sed -n 's/^classpath: //p')
rm -rf "$work/tests" "$work/ref" "$work/diff"; mkdir -p "$work/tests/src/hudson/scheduler" "$work/tests/src/org/jvnet/hudson/test" "$work/ref/src/ref/antlr" "$work/ref/src/ref/jenkins/util/antlr" "$work/diff"

# 1. upstream tests
for t in CronTabTest CronTabDayOfWeekLocaleTest CronTabEventualityTest; do
  git --git-dir="$mirror" show "$tag:core/src/test/java/hudson/scheduler/$t.java" > "$work/tests/src/hudson/scheduler/$t.java"
done
cat > "$work/tests/src/org/jvnet/hudson/test/Issue.java" <<'J'
package org.jvnet.hudson.test;
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface Issue { String[] value(); }
J
cat > "$work/tests/src/org/jvnet/hudson/test/For.java" <<'J'
package org.jvnet.hudson.test;
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) public @interface For { Class<?>[] value(); }
J
messages() { # localizer-style Messages for the scheduler keys used by tests and by upstream sources
cat <<J
package $1;
import java.text.MessageFormat;
class Messages {
  static String BaseParser_StartEndReversed(Object a, Object b) { return MessageFormat.format("You mean {0}-{1}?", a, b); }
  static String BaseParser_MustBePositive(Object a) { return MessageFormat.format("step must be positive, but found {0}", a); }
  static String BaseParser_OutOfRange(Object a, Object b, Object c) { return MessageFormat.format("{0} is an invalid value. Must be within {1} and {2}", a, b, c); }
  static String CronTab_do_you_really_mean_every_minute_when_you(Object a, Object b) { return MessageFormat.format("Do you really mean \"every minute\" when you say \"{0}\"? Perhaps you meant \"{1}\" to poll once per hour", a, b); }
  static String CronTab_spread_load_evenly_by_using_rather_than_(Object a, Object b) { return MessageFormat.format("Spread load evenly by using \u2018{0}\u2019 rather than \u2018{1}\u2019", a, b); }
  static String CronTab_short_cycles_in_the_day_of_month_field_w() { return "Short cycles in the day-of-month field will behave oddly near the end of a month"; }
  static String CronTabList_InvalidInput(Object a, Object b) { return MessageFormat.format("Invalid input: \"{0}\": {1}", a, b); }
}
J
}
messages hudson.scheduler > "$work/tests/src/hudson/scheduler/Messages.java"
tcp="$work/standins:$base:$(jar junit:junit:4.13.2):$(jar org.hamcrest:hamcrest:2.2):$(jar org.hamcrest:hamcrest-core:1.3)"
javac -proc:none -nowarn -d "$work/tests/out" -cp "$tcp" $(find "$work/tests/src" -name '*.java') 2> >(grep -v '^Note:' >&2)
java -cp "$work/tests/out:$tcp" org.junit.runner.JUnitCore hudson.scheduler.CronTabTest hudson.scheduler.CronTabDayOfWeekLocaleTest hudson.scheduler.CronTabEventualityTest | grep -E '^OK|^Tests run|^[0-9]+\)'

# 2. reference build from the real grammar, then the differential run
mvn -B -q dependency:get -Dartifact=org.antlr:antlr4:4.13.2 >/dev/null
acp=$(jar org.antlr:antlr4:4.13.2):$(jar org.antlr:antlr4-runtime:4.13.2):$(jar org.antlr:ST4:4.3.4):$(jar org.antlr:antlr-runtime:3.5.3):$(jar org.abego.treelayout:org.abego.treelayout.core:1.0.3):$(jar com.ibm.icu:icu4j:72.1):$(jar org.glassfish:javax.json:1.1.4)
for g in CrontabLexer CrontabParser; do git --git-dir="$mirror" show "$tag:core/src/main/antlr4/hudson/scheduler/$g.g4" > "$work/ref/$g.g4"; done
(cd "$work/ref" && java -cp "$acp" org.antlr.v4.Tool -package ref.hudson.scheduler -o src/ref/hudson/scheduler CrontabLexer.g4 CrontabParser.g4)
for f in BaseParser CronTab CronTabList Hash RareOrImpossibleDateException; do
  git --git-dir="$mirror" show "$tag:core/src/main/java/hudson/scheduler/$f.java" > "$work/ref/src/ref/hudson/scheduler/$f.java"
done
git --git-dir="$mirror" show "$tag:core/src/main/java/antlr/ANTLRException.java" > "$work/ref/src/ref/antlr/ANTLRException.java"
git --git-dir="$mirror" show "$tag:core/src/main/java/jenkins/util/antlr/JenkinsANTLRErrorListener.java" > "$work/ref/src/ref/jenkins/util/antlr/JenkinsANTLRErrorListener.java"
messages ref.hudson.scheduler > "$work/ref/src/ref/hudson/scheduler/Messages.java"
sed -i 's/^package hudson.scheduler;/package ref.hudson.scheduler;/; s/^package antlr;/package ref.antlr;/; s/^package jenkins.util.antlr;/package ref.jenkins.util.antlr;/; s/^import antlr.ANTLRException;/import ref.antlr.ANTLRException;/; s/^import jenkins.util.antlr.JenkinsANTLRErrorListener;/import ref.jenkins.util.antlr.JenkinsANTLRErrorListener;/; /^import org.kohsuke.accmod/d; s/@Restricted(NoExternalUse.class)//; /^import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;/d; /@SuppressFBWarnings/d; /^import jenkins.util.SystemProperties;/d; s/SystemProperties.getString(/System.getProperty(/' $(find "$work/ref/src" -name '*.java')
javac -proc:none -nowarn -d "$work/ref/out" -cp "$acp:$base" $(find "$work/ref/src" -name '*.java') 2> >(grep -v '^Note:' >&2)
dcp="$work/diff:$work/ref/out:$work/standins:$acp"
javac -proc:none -nowarn -d "$work/diff" -cp "$dcp" "$here/CronDiff.java" 2> >(grep -v '^Note:' >&2)
status=0
for seed in 1 2 3 4 5; do
  java -Dseed=$seed -Dkinds=0 -cp "$dcp" CronDiff "$n" | tail -1 || status=1
done
exit $status
