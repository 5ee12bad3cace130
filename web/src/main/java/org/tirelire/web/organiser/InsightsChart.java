package org.tirelire.web.organiser;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.PageFormat;
import org.tirelire.web.platform.PlatformViews.Insights;

/**
 * A campaign's gifts day by day as an inline SVG, drawn on the server so that it shows without JavaScript and
 * weighs a few hundred bytes: a bar per day for what it brought, the running total as a line, the goal as a
 * dashed line. The page gives the same figures as a table (its text alternative).
 */
final class InsightsChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 8;
    private static final int TOP = 24;
    private static final int BOTTOM = 24;
    private static final double MOST_BAR_WIDTH = 48;

    private InsightsChart() {}

    /** The chart, or an empty string when there is no day to draw. Only numbers and our own labels go in. */
    static String svg(Insights insights, Money goal, PageFormat fmt, String title, String goalLabel) {
        List<Insights.Day> days = insights.days();
        if (days.isEmpty()) {
            return "";
        }
        long highest =
                Math.max(goal.amount(), days.get(days.size() - 1).cumulative().amount());
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) (WIDTH - 2 * LEFT) / days.size();
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" class=\"chart\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">")
                .append(escape(title))
                .append("</title>");
        double goalY = y(goal.amount(), highest, plotHeight);
        svg.append(line(LEFT, goalY, WIDTH - LEFT, goalY, "goal"))
                .append(text(LEFT, goalY - 6, goalLabel + " · " + fmt.money(goal), "start"));
        StringBuilder runningTotal = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            Insights.Day day = days.get(i);
            double x = LEFT + i * slot;
            double barTop = y(day.amount().amount(), highest, plotHeight);
            double barWidth = Math.min(slot * 0.7, MOST_BAR_WIDTH);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"day\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                    x + (slot - barWidth) / 2,
                    barTop,
                    barWidth,
                    TOP + plotHeight - barTop));
            runningTotal
                    .append(i == 0 ? "M" : " L")
                    .append(String.format(
                            Locale.ROOT,
                            "%.1f %.1f",
                            x + slot / 2,
                            y(day.cumulative().amount(), highest, plotHeight)));
        }
        svg.append("<path class=\"total\" d=\"").append(runningTotal).append("\"/>");
        // The total today, as a dot: with a single day the line has no length to show.
        svg.append(String.format(
                Locale.ROOT,
                "<circle class=\"now\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"/>",
                LEFT + (days.size() - 0.5) * slot,
                y(days.get(days.size() - 1).cumulative().amount(), highest, plotHeight)));
        svg.append(text(LEFT, HEIGHT - 6, fmt.day(days.get(0).date()), "start"));
        if (days.size() > 1) {
            svg.append(text(
                    WIDTH - LEFT, HEIGHT - 6, fmt.day(days.get(days.size() - 1).date()), "end"));
        }
        return svg.append("</svg>").toString();
    }

    /** A pixel position: the only use of floating point here; the amounts themselves stay integers. */
    private static double y(long amount, long highest, double plotHeight) {
        return TOP + plotHeight - (highest <= 0 ? 0 : plotHeight * amount / highest);
    }

    private static String line(double x1, double y1, double x2, double y2, String className) {
        return String.format(
                Locale.ROOT,
                "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                className,
                x1,
                y1,
                x2,
                y2);
    }

    private static String text(double x, double y, String label, String anchor) {
        return String.format(
                Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(label));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
