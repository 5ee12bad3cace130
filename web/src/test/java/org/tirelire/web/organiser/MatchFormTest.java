package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.platform.PlatformRequests.NewMatch;

class MatchFormTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-12-01T17:00:00Z"); // 18:00 in Paris

    @Test
    void a_pledge_typed_as_a_french_organiser_would_becomes_the_api_s_match_ending_at_paris_time() {
        MatchForm form = new MatchForm(" La Boulangerie Martin ", "2", "1 500,50", "2026-12-01T22:00", "10");

        assertThat(form.errors("EUR", PARIS, NOW)).isEmpty();
        assertThat(form.toMatch("EUR", PARIS))
                .isEqualTo(new NewMatch(
                        "La Boulangerie Martin",
                        2,
                        Money.of(1_500_50, "EUR"),
                        Instant.parse("2026-12-01T21:00:00Z"),
                        Money.of(10_00, "EUR")));
    }

    @Test
    void each_field_typed_wrong_is_named() {
        MatchForm form = new MatchForm("", "5", "beaucoup", "2026-12-01T17:59", "-3");

        assertThat(form.errors("EUR", PARIS, NOW))
                .containsOnlyKeys("match.sponsor", "match.ratio", "match.cap", "match.endsAt", "match.minimumGift");
    }

    @Test
    void without_a_minimum_every_gift_is_matched() {
        MatchForm form = new MatchForm("Garage Dupont", "1", "500", "2026-12-02T09:00", "");

        assertThat(form.errors("EUR", PARIS, NOW)).isEmpty();
        assertThat(form.toMatch("EUR", PARIS).minimumGift()).isNull();
    }
}
