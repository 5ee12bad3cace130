package org.tirelire.notification.fundraiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.EventPosition;

/** A collection page's own rules, without Spring: its private link, its totals, its team. */
class FundraiserPageTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final EditToken token = EditToken.generate();

    @Test
    void only_the_holder_of_the_private_link_edits_or_closes_the_page() {
        FundraiserPage page = page("lea-court", "Les rameurs", token);

        assertThatThrownBy(() -> page.edit("not-the-token", "Autre titre", null, null))
                .isInstanceOf(WrongEditToken.class);
        assertThatThrownBy(() -> page.close(EditToken.generate().value())).isInstanceOf(WrongEditToken.class);
        assertThat(page.title()).isEqualTo("Léa court pour la péniche");
        assertThat(page.status()).isEqualTo(PageStatus.OPEN);

        page.edit(token.value(), "Léa court deux fois", "", Money.of(50_000, "EUR"));
        page.close(token.value());

        assertThat(page.title()).isEqualTo("Léa court deux fois");
        assertThat(page.message()).isEmpty();
        assertThat(page.goal()).isEqualTo(Money.of(50_000, "EUR"));
        assertThat(page.status()).isEqualTo(PageStatus.CLOSED);
    }

    @Test
    void the_token_itself_is_never_stored() {
        assertThat(token.hash()).hasSize(64).isNotEqualTo(token.value());
        assertThat(EditToken.generate()).isNotEqualTo(EditToken.generate());
    }

    @Test
    void a_gift_counts_once_per_position_and_a_refund_takes_it_back() {
        FundraiserPage page = page("lea-court", null, token);
        EventPosition gift = new EventPosition(1, 40);

        assertThat(page.applyContribution(Money.of(3_000, "EUR"), 1, gift)).isTrue();
        assertThat(page.applyContribution(Money.of(3_000, "EUR"), 1, gift))
                .as("the same event delivered again")
                .isFalse();
        page.applyContribution(Money.of(-3_000, "EUR"), -1, new EventPosition(1, 41));

        assertThat(page.raised()).isEqualTo(Money.zero("EUR"));
        assertThat(page.donationCount()).isZero();
    }

    @Test
    void teams_add_up_their_pages_and_rank_highest_first() {
        FundraiserPage lea = page("lea", "Les rameurs", token);
        FundraiserPage tom = page("tom", "Les rameurs", token);
        FundraiserPage ana = page("ana", "Les nageuses", token);
        FundraiserPage solo = page("solo", null, token);
        lea.applyContribution(Money.of(2_000, "EUR"), 1, new EventPosition(0, 1));
        tom.applyContribution(Money.of(1_500, "EUR"), 1, new EventPosition(0, 2));
        ana.applyContribution(Money.of(5_000, "EUR"), 1, new EventPosition(0, 3));
        solo.applyContribution(Money.of(9_000, "EUR"), 1, new EventPosition(0, 4));

        assertThat(Team.standings(List.of(lea, tom, ana, solo)))
                .containsExactly(
                        new Team("Les nageuses", Money.of(5_000, "EUR"), 1, 1),
                        new Team("Les rameurs", Money.of(3_500, "EUR"), 2, 2));
    }

    private static FundraiserPage page(String slug, String team, EditToken token) {
        return FundraiserPage.open(
                slug,
                "campaign-1",
                "EUR",
                "Léa",
                "lea@example.org",
                "fr",
                "Léa court pour la péniche",
                "Chaque kilomètre compte",
                null,
                team,
                token,
                NOW);
    }
}
