package io.jenkins.plugins.rustcargo.jenkins.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders the job page's trend of cargo wall time and compiled units as inline SVG: no script,
 * no chart library, nothing to load. Duration uses the left axis, compiled units the right one.
 */
final class TrendChart {
    /** One build's totals over its {@code rustCargo} calls. */
    record Point(int build, long wallMillis, int compiled) {}

    static final int WIDTH = 500;
    static final int HEIGHT = 220;
    static final int LEFT = 50;
    static final int RIGHT = 50;
    static final int TOP = 30;
    static final int BOTTOM = 30;
    static final String DURATION_COLOR = "#1f77b4";
    static final String COMPILED_COLOR = "#d62728";

    private TrendChart() {}

    /** The chart for {@code points} in any order (drawn oldest build first). */
    static String render(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingInt(Point::build));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rust-cargo-trend\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\" aria-label=\"cargo duration and compiled units per build\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<style>text{font:11px sans-serif;fill:currentColor}</style>");
        if (sorted.isEmpty()) {
            text(svg, WIDTH / 2, HEIGHT / 2, "middle", null, Messages.TrendChart_NoCalls());
            return svg.append("</svg>").toString();
        }
        double maxSeconds = niceMax(sorted.stream().mapToLong(Point::wallMillis).max().orElse(0) / 1000.0);
        double maxCompiled = niceMax(sorted.stream().mapToInt(Point::compiled).max().orElse(0));
        int plotBottom = HEIGHT - BOTTOM;
        svg.append(String.format(Locale.ROOT, "<g stroke=\"#999\" stroke-width=\"1\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/></g>",
                LEFT, plotBottom, WIDTH - RIGHT, plotBottom, LEFT, TOP, LEFT, plotBottom, WIDTH - RIGHT, TOP, WIDTH - RIGHT, plotBottom));
        text(svg, LEFT - 4, TOP + 4, "end", DURATION_COLOR, number(maxSeconds) + " s");
        text(svg, LEFT - 4, plotBottom, "end", DURATION_COLOR, "0");
        text(svg, WIDTH - RIGHT + 4, TOP + 4, "start", COMPILED_COLOR, number(maxCompiled));
        text(svg, WIDTH - RIGHT + 4, plotBottom, "start", COMPILED_COLOR, "0");
        text(svg, LEFT, plotBottom + 16, "start", null, "#" + sorted.get(0).build());
        if (sorted.size() > 1) {
            text(svg, WIDTH - RIGHT, plotBottom + 16, "end", null, "#" + sorted.get(sorted.size() - 1).build());
        }
        text(svg, LEFT, 14, "start", DURATION_COLOR, "duration (s)");
        text(svg, WIDTH - RIGHT, 14, "end", COMPILED_COLOR, "compiled units");
        series(svg, sorted, maxSeconds, DURATION_COLOR, "duration", p -> p.wallMillis() / 1000.0);
        series(svg, sorted, maxCompiled, COMPILED_COLOR, "compiled", p -> p.compiled());
        return svg.append("</svg>").toString();
    }

    private interface Value {
        double of(Point p);
    }

    private static void series(StringBuilder svg, List<Point> points, double max, String color, String name, Value value) {
        StringBuilder coords = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double x = x(i, points.size());
            double y = y(value.of(p), max);
            coords.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s</title></circle>", x, y,
                    escape("#" + p.build() + ": " + CargoCall.seconds(p.wallMillis()) + ", " + p.compiled() + " compiled")));
        }
        svg.append("<polyline class=\"").append(name).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"2\" points=\"").append(coords).append("\"/>");
        svg.append("<g class=\"").append(name).append("-points\" fill=\"").append(color).append("\">").append(dots).append("</g>");
    }

    static double x(int index, int count) {
        double width = WIDTH - LEFT - RIGHT;
        return count == 1 ? LEFT + width / 2 : LEFT + width * index / (count - 1);
    }

    static double y(double value, double max) {
        double height = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - height * (max <= 0 ? 0 : value / max);
    }

    /** A round upper bound (1, 2 or 5 times a power of ten) so axis labels read well. */
    static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String color, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>", x, y, anchor,
                color == null ? "" : " style=\"fill:" + color + "\"", escape(text)));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
