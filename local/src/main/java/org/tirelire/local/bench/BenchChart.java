package org.tirelire.local.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The stepped benchmark as a picture (JFreeChart): for each rate offered, POST p99 and progress lag p99,
 * on a log scale beside their bounds, and the knee.
 */
final class BenchChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;

    private BenchChart() {}

    static void write(Benchmark.Result result, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true"); // drawn to a file, on machines without a screen
        XYSeries post = new XYSeries("POST /api/donations p99");
        XYSeries lag = new XYSeries("progress lag p99");
        for (Benchmark.Scenario step : result.scenarios()) {
            post.add(step.rate(), atLeastOne(step.load().latencies().getValueAtPercentile(99) / 1000.0));
            lag.add(step.rate(), atLeastOne(step.progressLags().getValueAtPercentile(99) / 1000.0));
        }
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(post);
        series.addSeries(lag);
        JFreeChart chart = ChartFactory.createXYLineChart(
                "Tirelire, one hot campaign: latency and lag by rate offered",
                "gifts per second offered",
                "milliseconds",
                series,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        LogAxis milliseconds = new LogAxis("milliseconds (log scale)");
        milliseconds.setSmallestValue(1);
        milliseconds.setTickUnit(new NumberTickUnit(1)); // a label at each power of ten, minor ticks between
        milliseconds.setMinorTickMarksVisible(true);
        milliseconds.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        // Both bounds always in sight, whatever the figures.
        double highest = Math.max(Math.max(post.getMaxY(), lag.getMaxY()), Benchmark.LAG_P99_BOUND.toMillis());
        double lowest = Math.min(Math.min(post.getMinY(), lag.getMinY()), Benchmark.POST_P99_BOUND.toMillis());
        milliseconds.setRange(Math.max(1, lowest / 2), highest * 2);
        plot.setRangeAxis(milliseconds);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer lines = (XYLineAndShapeRenderer) plot.getRenderer();
        lines.setDefaultShapesVisible(true);
        lines.setSeriesPaint(0, new Color(0x1f, 0x6f, 0xb4));
        lines.setSeriesPaint(1, new Color(0xd9, 0x5f, 0x0e));
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(2f));
        plot.addRangeMarker(bound(Benchmark.POST_P99_BOUND.toMillis(), "POST p99 bound", new Color(0x1f, 0x6f, 0xb4)));
        plot.addRangeMarker(bound(Benchmark.LAG_P99_BOUND.toMillis(), "lag p99 bound", new Color(0xd9, 0x5f, 0x0e)));
        result.knee().ifPresent(knee -> {
            ValueMarker marker = new ValueMarker(knee.rate(), new Color(0x2c, 0xa0, 0x2c), new BasicStroke(1.5f));
            marker.setLabel("knee " + knee.rate() + "/s");
            // On the side with room: the knee may be the lowest rate or the highest, at an edge of the chart.
            boolean atTheRightEdge = result.scenarios().stream().allMatch(step -> step.rate() <= knee.rate());
            marker.setLabelAnchor(atTheRightEdge ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(atTheRightEdge ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
        });
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }

    private static ValueMarker bound(double milliseconds, String label, Color color) {
        ValueMarker marker = new ValueMarker(
                milliseconds,
                color,
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }

    /** A log scale has no zero. */
    private static double atLeastOne(double milliseconds) {
        return Math.max(1, milliseconds);
    }
}
