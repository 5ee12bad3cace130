package org.tirelire.donation.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.ProviderKind;

class CampaignInsightsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant LATE_EVENING = Instant.parse("2026-11-30T22:30:00Z"); // 23:30 in Paris, the 30th
    private static final Instant NEXT_MORNING = Instant.parse("2026-12-01T08:00:00Z");

    private final List<Donation> gifts = new ArrayList<>();

    @Test
    void the_figures_an_organiser_reads_from_the_confirmed_gifts() {
        online("g1", "ada@example.org", 10_00, null, LATE_EVENING);
        online("g2", "ADA@example.org", 30_00, "lea-court", NEXT_MORNING);
        online("g3", "bob@example.org", 50_00, "lea-court", NEXT_MORNING.plusSeconds(60));
        online("g4", "eve@example.org", 20_00, "sam-nage", NEXT_MORNING.plusSeconds(120))
                .cameThrough(new Utm("newsletter", "email", "noel"));
        online("g7", "max@example.org", 15_00, null, NEXT_MORNING.plusSeconds(180))
                .cameThrough(new Utm("newsletter", "email", "noel"));
        online("g8", "ida@example.org", 5_00, null, NEXT_MORNING.plusSeconds(240))
                .cameThrough(new Utm("mairie.fr", null, null));
        Donation refundedTagged = online("g9", "kim@example.org", 90_00, null, NEXT_MORNING)
                .cameThrough(new Utm("mairie.fr", null, null));
        refundedTagged.refund(NEXT_MORNING.plusSeconds(600));
        gifts.add(Donation.offline("g5", "c1", "org-1", eur(40_00), null, OfflineMethod.CASH, NEXT_MORNING));
        Donation refunded = online("g6", "zoe@example.org", 500_00, null, NEXT_MORNING);
        refunded.refund(NEXT_MORNING.plusSeconds(600));

        CampaignInsights insights = CampaignInsights.of("c1", "EUR", gifts, PARIS);

        assertThat(insights.total()).isEqualTo(eur(170_00));
        assertThat(insights.gifts()).isEqualTo(7);
        assertThat(insights.donors())
                .as("ada twice, bob, eve, max, ida, and the unnamed cash gift")
                .isEqualTo(6);
        assertThat(insights.averageGift()).isEqualTo(eur(24_28));
        assertThat(insights.medianGift()).isEqualTo(eur(20_00));
        assertThat(insights.throughCollectionPages()).isEqualTo(new CampaignInsights.Share(3, eur(100_00), 58));
        assertThat(insights.topCollectionPages())
                .containsExactly(
                        new CampaignInsights.PageFigures("lea-court", 2, eur(80_00)),
                        new CampaignInsights.PageFigures("sam-nage", 1, eur(20_00)));
        assertThat(insights.sources())
                .containsExactly(
                        new CampaignInsights.Source("collection-page", 3, eur(100_00)),
                        new CampaignInsights.Source("cash", 1, eur(40_00)),
                        new CampaignInsights.Source("campaign-page", 3, eur(30_00)));
        assertThat(insights.channels())
                .as("the tagged links' gifts; a refunded one counts no more")
                .containsExactly(
                        new CampaignInsights.Channel("newsletter", "email", "noel", 2, eur(35_00)),
                        new CampaignInsights.Channel("mairie.fr", null, null, 1, eur(5_00)));
        assertThat(insights.days())
                .containsExactly(
                        new CampaignInsights.Day(LocalDate.parse("2026-11-30"), 1, eur(10_00), eur(10_00)),
                        new CampaignInsights.Day(LocalDate.parse("2026-12-01"), 6, eur(160_00), eur(170_00)));
    }

    @Test
    void a_campaign_without_gifts_has_zeros_and_no_days() {
        CampaignInsights insights = CampaignInsights.of("c1", "EUR", List.of(), PARIS);

        assertThat(insights.total()).isEqualTo(eur(0));
        assertThat(insights.medianGift()).isEqualTo(eur(0));
        assertThat(insights.throughCollectionPages().percentOfTotal()).isZero();
        assertThat(insights.days()).isEmpty();
        assertThat(insights.channels()).isEmpty();
    }

    private Donation online(String id, String email, long amount, String page, Instant confirmedAt) {
        Donation gift = Donation.pending(
                id,
                "c1",
                "org-1",
                eur(amount),
                new Donor("Don", "Ateur", email, "fr", null),
                false,
                null,
                null,
                page,
                false,
                "pm_sandbox_ok",
                ProviderKind.SANDBOX,
                confirmedAt.minusSeconds(5));
        gift.confirm("pay-" + id, confirmedAt);
        gifts.add(gift);
        return gift;
    }

    private static Money eur(long amount) {
        return Money.of(amount, "EUR");
    }
}
