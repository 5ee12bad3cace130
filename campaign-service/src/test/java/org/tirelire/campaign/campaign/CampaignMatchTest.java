package org.tirelire.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.EventPosition;

class CampaignMatchTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");
    private static final Instant TWO_HOURS_ON = NOW.plus(Duration.ofHours(2));

    private final Campaign campaign =
            TestCampaigns.peniche(eur(1_000_00), List.of(), List.of(), NOW.minus(Duration.ofDays(1)));

    private long offset;

    @Test
    void each_gift_is_doubled_until_the_cap_and_the_gift_that_reaches_it_is_matched_partially() {
        campaign.addMatch("La Boulangerie Martin", 1, eur(50_00), null, TWO_HOURS_ON, null, NOW);

        give("a", 20_00, NOW.plusSeconds(60));
        give("b", 20_00, NOW.plusSeconds(120));
        give("c", 20_00, NOW.plusSeconds(180));
        give("d", 20_00, NOW.plusSeconds(240));

        assertThat(campaign.progress().matched()).isEqualTo(eur(50_00));
        assertThat(campaign.progress().raised()).isEqualTo(eur(80_00 + 50_00));
        assertThat(campaign.matches().get(0).matchedGifts()).containsOnlyKeys("a", "b", "c");
        assertThat(campaign.matches().get(0).matchedGifts().get("c")).isEqualTo(10_00);
        assertThat(campaign.activeMatchAt(NOW.plusSeconds(300)))
                .as("a match whose cap is reached is no longer active")
                .isEmpty();
    }

    @Test
    void only_gifts_confirmed_within_the_window_and_at_least_the_minimum_are_matched_by_the_ratio() {
        campaign.addMatch("Garage Dupont", 2, eur(500_00), NOW.plusSeconds(600), TWO_HOURS_ON, eur(10_00), NOW);

        give("before", 30_00, NOW.plusSeconds(599));
        give("too-small", 9_99, NOW.plusSeconds(700));
        give("within", 30_00, NOW.plusSeconds(800));
        give("at-the-end", 30_00, TWO_HOURS_ON);

        assertThat(campaign.matches().get(0).matchedGifts()).containsOnlyKeys("within");
        assertThat(campaign.progress().matched()).isEqualTo(eur(60_00));
    }

    @Test
    void a_refund_takes_back_what_its_gift_matched_and_frees_that_part_of_the_cap() {
        campaign.addMatch("La Boulangerie Martin", 1, eur(40_00), null, TWO_HOURS_ON, null, NOW);
        give("a", 20_00, NOW.plusSeconds(60));
        give("b", 20_00, NOW.plusSeconds(120));

        refund("a", 20_00, NOW.plusSeconds(180));
        give("c", 25_00, NOW.plusSeconds(240));

        assertThat(campaign.matches().get(0).matchedGifts()).containsOnlyKeys("b", "c");
        assertThat(campaign.progress().matched()).isEqualTo(eur(40_00));
        assertThat(campaign.progress().raised()).isEqualTo(eur(20_00 + 25_00 + 40_00));
        assertThat(campaign.progress().donationCount()).isEqualTo(2);
    }

    @Test
    void an_event_counted_again_at_its_position_is_not_matched_again() {
        campaign.addMatch("La Boulangerie Martin", 1, eur(500_00), null, TWO_HOURS_ON, null, NOW);
        EventPosition position = new EventPosition(0, 7);

        campaign.applyContribution("a", eur(20_00), 1, position, NOW.plusSeconds(60));
        campaign.applyContribution("a", eur(20_00), 1, position, NOW.plusSeconds(60));

        assertThat(campaign.progress().matched()).isEqualTo(eur(20_00));
        assertThat(campaign.progress().raised()).isEqualTo(eur(40_00));
    }

    @Test
    void two_sponsors_at_once_each_match_the_gift_within_their_own_cap() {
        campaign.addMatch("La Boulangerie Martin", 1, eur(500_00), null, TWO_HOURS_ON, null, NOW);
        campaign.addMatch("Garage Dupont", 1, eur(5_00), null, TWO_HOURS_ON, null, NOW);

        give("a", 20_00, NOW.plusSeconds(60));

        assertThat(campaign.progress().matched()).isEqualTo(eur(25_00));
        assertThat(campaign.activeMatchAt(NOW.plusSeconds(61)).orElseThrow().sponsor())
                .isEqualTo("La Boulangerie Martin");
    }

    @Test
    void the_sponsor_s_payment_counts_in_place_of_what_was_matched_and_the_match_matches_nothing_more() {
        Match pledge = campaign.addMatch("La Boulangerie Martin", 1, eur(500_00), null, TWO_HOURS_ON, null, NOW);
        give("a", 20_00, NOW.plusSeconds(60));
        give("b", 30_00, NOW.plusSeconds(120));
        assertThat(campaign.progress().raised()).isEqualTo(eur(100_00));

        // The sponsor sends what they owe, recorded as their transfer: the total does not move.
        pay("sponsor-transfer", 50_00, pledge.id(), NOW.plusSeconds(180));
        assertThat(campaign.progress().raised()).isEqualTo(eur(100_00));
        assertThat(campaign.progress().matched()).isEqualTo(eur(50_00));
        assertThat(campaign.progress().donationCount()).isEqualTo(3);
        assertThat(campaign.matches().get(0).settlement().paid()).isEqualTo(eur(50_00));

        give("c", 40_00, NOW.plusSeconds(240));
        assertThat(campaign.progress().raised())
                .as("a paid match matches no later gift, though its window is open")
                .isEqualTo(eur(140_00));
        assertThat(campaign.activeMatchAt(NOW.plusSeconds(300))).isEmpty();
    }

    @Test
    void a_matched_gift_refunded_after_the_sponsor_paid_takes_only_itself_out_of_the_total() {
        Match pledge = campaign.addMatch("La Boulangerie Martin", 1, eur(500_00), null, TWO_HOURS_ON, null, NOW);
        give("a", 20_00, NOW.plusSeconds(60));
        give("b", 30_00, NOW.plusSeconds(120));
        pay("sponsor-transfer", 50_00, pledge.id(), NOW.plusSeconds(180));

        refund("a", 20_00, NOW.plusSeconds(240));

        assertThat(campaign.progress().raised())
                .as("b's 30 € and the sponsor's 50 €, which the association keeps")
                .isEqualTo(eur(80_00));
        assertThat(campaign.progress().matched()).isEqualTo(eur(50_00));
        assertThat(campaign.matches().get(0).matchedGifts()).containsOnlyKeys("b");
    }

    @Test
    void a_sponsor_who_rounds_up_raises_the_total_and_a_refunded_payment_leaves_the_pledge_owed_again() {
        Match pledge = campaign.addMatch("Garage Dupont", 1, eur(500_00), null, TWO_HOURS_ON, null, NOW);
        give("a", 37_00, NOW.plusSeconds(60));

        pay("sponsor-cheque", 50_00, pledge.id(), NOW.plusSeconds(120));
        assertThat(campaign.progress().raised()).isEqualTo(eur(37_00 + 50_00));
        assertThat(campaign.progress().matched())
                .as("what the sponsor really gave")
                .isEqualTo(eur(50_00));

        campaign.applyContributions(List.of(new Campaign.Contribution(
                "sponsor-cheque",
                eur(-50_00),
                -1,
                new EventPosition(0, ++offset),
                NOW.plusSeconds(180),
                null,
                pledge.id())));
        assertThat(campaign.progress().raised()).isEqualTo(eur(37_00 + 37_00));
        assertThat(campaign.progress().matched()).isEqualTo(eur(37_00));
        assertThat(campaign.matches().get(0).isSettled()).isFalse();
    }

    @Test
    void a_match_must_end_after_it_starts_be_in_the_goal_s_currency_and_a_finished_campaign_takes_none() {
        assertThatThrownBy(() -> campaign.addMatch("X", 1, eur(50_00), TWO_HOURS_ON, TWO_HOURS_ON, null, NOW))
                .isInstanceOf(MatchRefused.class)
                .extracting("field")
                .isEqualTo("endsAt");
        assertThatThrownBy(() -> campaign.addMatch("X", 1, Money.of(50_00, "CHF"), null, TWO_HOURS_ON, null, NOW))
                .isInstanceOf(CurrencyMismatch.class);
        campaign.publish(NOW);
        campaign.close(NOW.plusSeconds(1));
        assertThatThrownBy(() -> campaign.addMatch("X", 1, eur(50_00), null, TWO_HOURS_ON, null, NOW))
                .isInstanceOf(CampaignReadOnly.class);
        assertThat(campaign.matches()).isEmpty();
    }

    private void give(String donationId, long amount, Instant confirmedAt) {
        campaign.applyContribution(donationId, eur(amount), 1, new EventPosition(0, ++offset), confirmedAt);
    }

    private void pay(String donationId, long amount, String matchId, Instant confirmedAt) {
        campaign.applyContributions(List.of(new Campaign.Contribution(
                donationId, eur(amount), 1, new EventPosition(0, ++offset), confirmedAt, null, matchId)));
    }

    private void refund(String donationId, long amount, Instant refundedAt) {
        campaign.applyContribution(donationId, eur(-amount), -1, new EventPosition(0, ++offset), refundedAt);
    }

    private static Money eur(long amount) {
        return Money.of(amount, "EUR");
    }
}
