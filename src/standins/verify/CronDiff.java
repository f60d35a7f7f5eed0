// Differential test: the hand-written cron parser of the stand-ins vs upstream CronTab built from its real ANTLR grammar
// (package-renamed to ref.hudson.scheduler). Run through verify-cron.sh; prints the differences and a summary.
import java.util.*;

public class CronDiff {
    static final String[] ATOMS = {"0","1","2","5","7","8","12","13","15","23","24","28","29","30","31","32","59","60","99","100","1000","99999999999","00","007",
        "*","H","H(","(",")","-","/",","," ","  ","\t","@","@daily","daily","yearly","annually","monthly","weekly","midnight","hourly","mon","x","h","#","?","L","\n","é","Hourly"};
    static final Random R = new Random(Long.getLong("seed", 42));

    static String term() {
        switch (R.nextInt(10)) {
            case 0: return "" + R.nextInt(62);
            case 1: return R.nextInt(62) + "-" + R.nextInt(62);
            case 2: return R.nextInt(62) + "-" + R.nextInt(62) + "/" + R.nextInt(40);
            case 3: return "*";
            case 4: return "*/" + R.nextInt(70);
            case 5: return "H";
            case 6: return "H/" + R.nextInt(70);
            case 7: return "H(" + R.nextInt(62) + "-" + R.nextInt(62) + ")";
            case 8: return "H(" + R.nextInt(62) + "-" + R.nextInt(62) + ")/" + R.nextInt(40);
            default: return term() + "," + term();
        }
    }
    static String smallTerm(int field) {
        int[] lo = {0,0,1,1,0}, hi = {59,23,31,12,7};
        int a = lo[field] + R.nextInt(hi[field]-lo[field]+1), b = lo[field] + R.nextInt(hi[field]-lo[field]+1);
        switch (R.nextInt(9)) {
            case 0: return "" + a;
            case 1: return Math.min(a,b) + "-" + Math.max(a,b);
            case 2: return Math.min(a,b) + "-" + Math.max(a,b) + "/" + (1+R.nextInt(5));
            case 3: return "*";
            case 4: return "*/" + (1+R.nextInt(15));
            case 5: return "H";
            case 6: return "H/" + (1+R.nextInt(Math.max(1, hi[field]/2)));
            case 7: return "H(" + Math.min(a,b) + "-" + Math.max(a,b) + ")";
            default: return smallTerm(field) + "," + smallTerm(field);
        }
    }
    static String spec() {
        int k = R.nextInt(10);
        if (k < 4) { // mostly valid
            StringBuilder b = new StringBuilder();
            for (int f = 0; f < 5; f++) { if (f > 0) b.append(R.nextInt(8)==0 ? "\t" : " "); b.append(smallTerm(f)); }
            return b.toString();
        } else if (k < 7) {
            StringBuilder b = new StringBuilder();
            int n = 3 + R.nextInt(4);
            for (int f = 0; f < n; f++) { if (f > 0) b.append(" "); b.append(term()); }
            return mutate(b.toString());
        } else if (k < 8) {
            String[] kw = {"@daily","@hourly","@midnight","@weekly","@monthly","@yearly","@annually","@ daily","@Daily","@dailyx","@daily x","@daily 5","@daily,","@","@mon","@dail","@daily\t","@hourly @hourly"};
            return R.nextBoolean() ? kw[R.nextInt(kw.length)] : mutate(kw[R.nextInt(kw.length)]);
        } else {
            StringBuilder b = new StringBuilder();
            int n = R.nextInt(12);
            for (int i = 0; i < n; i++) b.append(ATOMS[R.nextInt(ATOMS.length)]);
            return b.toString();
        }
    }
    static String mutate(String s) {
        int m = R.nextInt(4);
        if (s.isEmpty() || m == 0) return s;
        int i = R.nextInt(s.length());
        switch (m) {
            case 1: return s.substring(0, i) + s.substring(i + 1);
            case 2: return s.substring(0, i) + ATOMS[R.nextInt(ATOMS.length)] + s.substring(i);
            default: return s.substring(0, i) + ATOMS[R.nextInt(ATOMS.length)] + s.substring(Math.min(s.length(), i + 1));
        }
    }

    interface Impl {
        String tab(String spec, int line, String seed, String tz);
        String list(String text, String seed, long[] times);
    }

    static String outcome(Throwable t) {
        String s = t.getClass().getSimpleName() + ": " + t.getMessage();
        if (t.getCause() != null && !(t.getCause().getClass().getName().startsWith("org.antlr"))) s += " <- " + outcome(t.getCause());
        return s;
    }

    static final Impl MINE = new Impl() {
        public String tab(String spec, int line, String seed, String tz) {
            try {
                hudson.scheduler.CronTab t = new hudson.scheduler.CronTab(spec, line, seed == null ? null : hudson.scheduler.Hash.from(seed), tz);
                String str = t.toString();
                String r = str.substring(str.indexOf('[')) + " sanity=" + t.checkSanity() + " tz=" + t.getTimeZone();
                try { r += " ceil=" + t.ceil(1700000000000L).getTimeInMillis(); } catch (Throwable x) { r += " ceil!" + outcome(x); }
                try { r += " floor=" + t.floor(1700000000000L).getTimeInMillis(); } catch (Throwable x) { r += " floor!" + outcome(x); }
                return r;
            } catch (Throwable x) { return "EXC " + outcome(x); }
        }
        public String list(String text, String seed, long[] times) {
            try {
                hudson.scheduler.CronTabList l = hudson.scheduler.CronTabList.create(text, seed == null ? null : hudson.scheduler.Hash.from(seed));
                StringBuilder b = new StringBuilder("sanity=" + l.checkSanity() + " hits=");
                for (long t : times) { Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC")); c.setTimeInMillis(t); if (l.check(c)) b.append(t / 60000 % 100000).append(','); }
                return b.toString();
            } catch (Throwable x) { return "EXC " + outcome(x); }
        }
    };
    static final Impl REF = new Impl() {
        public String tab(String spec, int line, String seed, String tz) {
            try {
                ref.hudson.scheduler.CronTab t = new ref.hudson.scheduler.CronTab(spec, line, seed == null ? null : ref.hudson.scheduler.Hash.from(seed), tz);
                String str = t.toString();
                String r = str.substring(str.indexOf('[')) + " sanity=" + t.checkSanity() + " tz=" + t.getTimeZone();
                try { r += " ceil=" + t.ceil(1700000000000L).getTimeInMillis(); } catch (Throwable x) { r += " ceil!" + outcome(x); }
                try { r += " floor=" + t.floor(1700000000000L).getTimeInMillis(); } catch (Throwable x) { r += " floor!" + outcome(x); }
                return r;
            } catch (Throwable x) { return "EXC " + outcome(x); }
        }
        public String list(String text, String seed, long[] times) {
            try {
                ref.hudson.scheduler.CronTabList l = ref.hudson.scheduler.CronTabList.create(text, seed == null ? null : ref.hudson.scheduler.Hash.from(seed));
                StringBuilder b = new StringBuilder("sanity=" + l.checkSanity() + " hits=");
                for (long t : times) { Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC")); c.setTimeInMillis(t); if (l.check(c)) b.append(t / 60000 % 100000).append(','); }
                return b.toString();
            } catch (Throwable x) { return "EXC " + outcome(x); }
        }
    };

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        int diffs = 0, errors = 0, ok = 0;
        Map<String,Integer> kinds = new TreeMap<>();
        long[] times = new long[600];
        for (int i = 0; i < times.length; i++) times[i] = 1700000000000L / 60000 * 60000 + i * 60000L * 7;
        String[] seeds = {null, "job/a", "seed", "rustcargo/sweep/0"};
        String[] tzs = {null, "Europe/Paris", "Australia/Sydney"};
        for (int i = 0; i < n; i++) {
            String spec = spec();
            String seed = seeds[R.nextInt(seeds.length)];
            String tz = tzs[R.nextInt(tzs.length)];
            int line = 1 + R.nextInt(3);
            String m = MINE.tab(spec, line, seed, tz), r = REF.tab(spec, line, seed, tz);
            if (!m.equals(r)) { diffs++; if (diffs <= 40) System.out.println("DIFF tab " + escape(spec) + " seed=" + seed + " tz=" + tz + "\n  mine: " + m + "\n  ref:  " + r); }
            else if (r.startsWith("EXC")) { errors++; String k = r.replaceAll("line \\d+:\\d+", "line").replaceAll("'[^']*'", "'_'").replaceAll("\"[^\"]*\"", "\"_\"").replaceAll("\\d+", "N"); kinds.merge(k.length() > 110 ? k.substring(0, 110) : k, 1, Integer::sum); }
            else ok++;
            // lists: TZ line, comments, blank lines, several specs
            StringBuilder text = new StringBuilder();
            if (R.nextInt(3) == 0) text.append(R.nextInt(5) == 0 ? "TZ=Not/AZone" : "TZ=" + (R.nextBoolean() ? "Europe/Paris" : "UTC")).append(R.nextBoolean() ? "\n" : "\r\n");
            int lines = 1 + R.nextInt(3);
            for (int j = 0; j < lines; j++) {
                int kind = R.nextInt(6);
                if (kind == 0) text.append("# comment ").append(spec());
                else if (kind == 1) text.append("   ");
                else text.append(R.nextBoolean() ? " " : "").append(spec()).append(R.nextBoolean() ? "\t" : "");
                text.append("\n");
            }
            String ml = MINE.list(text.toString(), seed, times), rl = REF.list(text.toString(), seed, times);
            if (!ml.equals(rl)) { diffs++; if (diffs <= 40) System.out.println("DIFF list " + escape(text.toString()) + " seed=" + seed + "\n  mine: " + ml + "\n  ref:  " + rl); }
        }
        System.out.println("cases=" + n + " agree-ok=" + ok + " agree-error=" + errors + " diffs=" + diffs);
        kinds.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(Integer.getInteger("kinds", 25)).forEach(e -> System.out.println("  " + e.getValue() + "  " + e.getKey()));
        System.exit(diffs == 0 ? 0 : 1);
    }
    static String escape(String s) { return "\"" + s.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\""; }
}
