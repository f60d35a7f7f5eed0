package io.jenkins.plugins.rustcargo.jenkins.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The job page's inline SVG: well-formed, scaled to its axes, oldest build first, text escaped. */
class TrendChartTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
    }

    private static Element polyline(Document d, String cls) {
        NodeList lines = d.getElementsByTagName("polyline");
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            if (e.getAttribute("class").equals(cls)) {
                return e;
            }
        }
        throw new AssertionError("no polyline " + cls);
    }

    private static double[][] points(Element polyline) {
        String[] pairs = polyline.getAttribute("points").split(" ");
        double[][] xy = new double[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            String[] p = pairs[i].split(",");
            xy[i] = new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        }
        return xy;
    }

    @Test
    void drawsOneLinePerSeriesOldestBuildFirst() throws Exception {
        // Newest first, as the job's build list yields them.
        List<TrendChart.Point> input = List.of(new TrendChart.Point(12, 10_000, 3), new TrendChart.Point(11, 40_000, 50),
                new TrendChart.Point(10, 20_000, 100));
        Document d = parse(TrendChart.render(input));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", d.getDocumentElement().getNamespaceURI());
        double[][] duration = points(polyline(d, "duration"));
        double[][] compiled = points(polyline(d, "compiled"));
        assertEquals(3, duration.length);
        assertEquals(3, compiled.length);
        assertTrue(duration[0][0] < duration[1][0] && duration[1][0] < duration[2][0], "x grows with the build number");
        double top = TrendChart.TOP;
        double bottom = TrendChart.HEIGHT - TrendChart.BOTTOM;
        // Axis maxima are rounded up: 40 s -> 50 s, 100 units -> 100.
        assertEquals(bottom - (bottom - top) * 20 / 50, duration[0][1], 0.1, "build #10: 20 s of 50 s");
        assertEquals(bottom - (bottom - top) * 40 / 50, duration[1][1], 0.1, "build #11: 40 s of 50 s");
        assertEquals(top, compiled[0][1], 0.1, "build #10 compiled the most: the top of the right axis");
        assertEquals(3, d.getElementsByTagName("title").getLength() / 2);
        String svg = TrendChart.render(input);
        assertTrue(svg.contains(">#10</text>") && svg.contains(">#12</text>"), svg);
        assertTrue(svg.contains("#11: 40.0 s, 50 compiled"), svg);
        assertTrue(svg.contains(">50 s</text>") && svg.contains(">100</text>"), svg);
    }

    @Test
    void aSingleBuildSitsInTheMiddle() throws Exception {
        Document d = parse(TrendChart.render(List.of(new TrendChart.Point(1, 0, 0))));
        double[][] p = points(polyline(d, "duration"));
        assertEquals(TrendChart.WIDTH / 2.0 + (TrendChart.LEFT - TrendChart.RIGHT) / 2.0, p[0][0], 0.1);
        assertEquals(TrendChart.HEIGHT - TrendChart.BOTTOM, p[0][1], 0.1, "zero sits on the x axis");
    }

    @Test
    void noBuildsGivesAMessageInsteadOfAChart() throws Exception {
        Document d = parse(TrendChart.render(List.of()));
        assertEquals(0, d.getElementsByTagName("polyline").getLength());
        assertTrue(d.getDocumentElement().getTextContent().contains("No rustCargo calls recorded yet"));
    }

    @Test
    void axisMaximaAreRound() {
        assertEquals(1, TrendChart.niceMax(0));
        assertEquals(1, TrendChart.niceMax(0.7));
        assertEquals(50, TrendChart.niceMax(40));
        assertEquals(100, TrendChart.niceMax(100));
        assertEquals(200, TrendChart.niceMax(101));
        assertEquals(1000, TrendChart.niceMax(501));
    }

    @Test
    void textIsEscaped() {
        assertEquals("a&lt;b&gt; &amp; &quot;c&quot;", TrendChart.escape("a<b> & \"c\""));
    }
}
