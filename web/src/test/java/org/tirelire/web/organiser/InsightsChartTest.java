package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.PageFormat;
import org.tirelire.web.platform.PlatformViews.Insights;

class InsightsChartTest {

    private static final PageFormat FRENCH = new PageFormat(Locale.FRENCH, ZoneId.of("Europe/Paris"));

    @Test
    void a_bar_a_day_the_running_total_as_one_line_and_the_goal_dashed() {
        String svg = InsightsChart.svg(
                insights(day("2026-11-30", 10_00, 10_00), day("2026-12-01", 140_00, 150_00)),
                Money.of(1_000_00, "EUR"),
                FRENCH,
                "Dons par jour et total collecté",
                "Objectif");

        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("role=\"img\"");
        assertThat(svg).contains("<title id=\"chart-title\">Dons par jour et total collecté</title>");
        assertThat(svg.split("<rect class=\"day\"", -1)).hasSize(3);
        assertThat(svg).contains("<path class=\"total\" d=\"M").contains("<line class=\"goal\"");
        assertThat(svg).contains(">Objectif · " + FRENCH.money(Money.of(1_000_00, "EUR")) + "</text>");
        assertThat(svg).contains("30 nov. 2026").contains("1 déc. 2026");
    }

    @Test
    void the_goal_line_is_at_the_top_until_the_total_passes_it() {
        String reached = InsightsChart.svg(
                insights(day("2026-12-01", 2_000_00, 2_000_00)), Money.of(1_000_00, "EUR"), FRENCH, "t", "Objectif");

        // The total (twice the goal) sets the scale: the goal line is halfway down the plot, not at its top.
        assertThat(reached).contains("<line class=\"goal\" x1=\"8.0\" y1=\"110.0\"");
    }

    @Test
    void nothing_is_drawn_without_a_day_of_gifts() {
        assertThat(InsightsChart.svg(insights(), Money.of(1_000_00, "EUR"), FRENCH, "t", "Objectif"))
                .isEmpty();
    }

    private static Insights.Day day(String date, long amount, long cumulative) {
        return new Insights.Day(LocalDate.parse(date), 1, Money.of(amount, "EUR"), Money.of(cumulative, "EUR"));
    }

    private static Insights insights(Insights.Day... days) {
        Money zero = Money.of(0, "EUR");
        return new Insights(
                zero,
                days.length,
                days.length,
                zero,
                zero,
                new Insights.Share(0, zero, 0),
                List.of(),
                List.of(),
                List.of(),
                List.of(days));
    }
}
