package org.tirelire.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.messaging.PendingEvent;
import org.tirelire.kit.totals.EventPosition;

class CampaignPollTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z");

    private final Campaign campaign =
            TestCampaigns.peniche(eur(1_000_00), List.of(), List.of(), NOW.minus(Duration.ofDays(1)));

    private long offset;

    @BeforeEach
    void publish() {
        campaign.publish(NOW.minus(Duration.ofHours(1)));
    }

    @Test
    void each_gift_votes_with_its_whole_amount_and_a_refund_takes_its_vote_back() {
        Poll poll = campaign.openPoll("Quelle chanson ensuite ?", List.of("Le Chant des partisans", "La Mer"), NOW);
        String partisans = poll.options().get(0).id();
        String mer = poll.options().get(1).id();

        give("a", 10_00, partisans);
        give("b", 50_00, mer);
        give("c", 20_00, partisans);
        give("no-vote", 99_00, null);
        refund("c", 20_00, partisans);

        Poll counted = campaign.openPoll().orElseThrow();
        assertThat(counted.options())
                .extracting(Poll.Option::votes, Poll.Option::gifts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(eur(10_00), 1L),
                        org.assertj.core.groups.Tuple.tuple(eur(50_00), 1L));
        assertThat(ProgressView.of(campaign, NOW).poll().options())
                .extracting(ProgressView.PollView.OptionView::percent)
                .containsExactly(16, 83);
        assertThat(campaign.progress().raised())
                .as("a vote changes nothing in the total")
                .isEqualTo(eur(10_00 + 50_00 + 99_00));
    }

    @Test
    void a_gift_heard_again_at_its_position_does_not_vote_twice() {
        String option = campaign.openPoll("Quel dessert ?", List.of("Tarte", "Crumble"), NOW)
                .options()
                .get(0)
                .id();
        EventPosition position = new EventPosition(0, 3);
        Campaign.Contribution gift = new Campaign.Contribution("a", eur(30_00), 1, position, NOW, option);

        campaign.applyContributions(List.of(gift));
        campaign.applyContributions(List.of(gift));

        assertThat(campaign.openPoll().orElseThrow().total()).isEqualTo(eur(30_00));
    }

    @Test
    void opening_a_poll_closes_the_one_before_whose_late_confirmed_gifts_still_count_and_donation_service_hears_it() {
        Poll first = campaign.openPoll("Quel dessert ?", List.of("Tarte", "Crumble"), NOW);
        Poll second = campaign.openPoll("Quelle chanson ?", List.of("La Mer", "Syracuse"), NOW.plusSeconds(60));

        // Given while the first was open, confirmed after it closed: the donor chose, the vote counts.
        give("late", 15_00, first.options().get(1).id());

        assertThat(campaign.openPoll()).contains(second);
        assertThat(campaign.polls().get(0).isOpen()).isFalse();
        assertThat(campaign.polls().get(0).options().get(1).votes()).isEqualTo(eur(15_00));
        assertThat(lastUpdate().openPoll().pollId()).isEqualTo(second.id());
        assertThat(lastUpdate().openPoll().options())
                .extracting(CampaignUpdated.PollOption::label)
                .containsExactly("La Mer", "Syracuse");

        campaign.closePoll(second.id(), NOW.plusSeconds(120));
        assertThat(campaign.openPoll()).isEmpty();
        assertThat(lastUpdate().openPoll())
                .as("no poll open: gifts vote in none")
                .isNull();
        assertThat(ProgressView.of(campaign, NOW.plusSeconds(120)).poll().id())
                .as("the last poll's result stays shown once it closed")
                .isEqualTo(second.id());
    }

    @Test
    void a_poll_needs_distinct_options_a_live_campaign_and_an_existing_id_to_close() {
        assertThatThrownBy(() -> campaign.openPoll("Quel dessert ?", List.of("Tarte", "tarte"), NOW))
                .isInstanceOfSatisfying(
                        PollRefused.class,
                        refused -> assertThat(refused.field()).isEqualTo("options"));
        assertThatThrownBy(() -> campaign.closePoll("no-such-poll", NOW))
                .isInstanceOfSatisfying(
                        PollRefused.class,
                        refused -> assertThat(refused.status().value()).isEqualTo(404));
        campaign.close(NOW);
        assertThatThrownBy(() -> campaign.openPoll("Quel dessert ?", List.of("Tarte", "Crumble"), NOW))
                .isInstanceOfSatisfying(
                        PollRefused.class,
                        refused -> assertThat(refused.status().value()).isEqualTo(409));
        assertThat(campaign.polls()).isEmpty();
    }

    private CampaignUpdated lastUpdate() {
        return campaign.outbox().stream()
                .map(PendingEvent::event)
                .filter(CampaignUpdated.class::isInstance)
                .map(CampaignUpdated.class::cast)
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    private void give(String donationId, long amount, String option) {
        campaign.applyContributions(List.of(
                new Campaign.Contribution(donationId, eur(amount), 1, new EventPosition(0, ++offset), NOW, option)));
    }

    private void refund(String donationId, long amount, String option) {
        campaign.applyContributions(List.of(
                new Campaign.Contribution(donationId, eur(-amount), -1, new EventPosition(0, ++offset), NOW, option)));
    }

    private static Money eur(long amount) {
        return Money.of(amount, "EUR");
    }
}
