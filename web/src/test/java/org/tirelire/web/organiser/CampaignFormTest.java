package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.FormSubmission;
import org.tirelire.web.page.FormSubmission.Bound;
import org.tirelire.web.platform.PlatformRequests.CampaignChanges;
import org.tirelire.web.platform.PlatformRequests.NewCampaign;
import org.tirelire.web.platform.PlatformRequests.RewardChange;
import org.tirelire.web.platform.PlatformRequests.StretchGoal;

class CampaignFormTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String FILLED = "title=Des+ruches+sur+le+toit&summary=Trois+ruches&story=&coverImageUrl="
            + "&goal=1+500&currency=EUR&endsOn=2027-01-31&fundingModel=ALL_OR_NOTHING";

    @Test
    void rows_of_rewards_and_stretch_goals_become_the_campaign_and_empty_rows_are_ignored() {
        Bound<CampaignForm> posted = FormSubmission.post(
                CampaignForm.class,
                FILLED
                        + "&rewards[0].id=&rewards[0].title=Un+pot+de+miel&rewards[0].description=Du+toit"
                        + "&rewards[0].minAmount=20&rewards[0].limit=40"
                        + "&rewards[1].id=&rewards[1].title=&rewards[1].description=&rewards[1].minAmount=&rewards[1].limit="
                        + "&stretchGoals[0].amount=&stretchGoals[0].label="
                        + "&stretchGoals[1].amount=2+000&stretchGoals[1].label=Une+quatri%C3%A8me+ruche");

        CampaignForm form = posted.form().withoutEmptyRows();
        assertThat(FormInput.errors(posted.binding())).isEmpty();
        assertThat(form.errors(TODAY)).isEmpty();
        NewCampaign campaign = form.toCreation(PARIS);

        assertThat(campaign.goal()).isEqualTo(Money.of(150_000, "EUR"));
        assertThat(campaign.endsAt())
                .as("the end of the day in Paris")
                .isEqualTo(Instant.parse("2027-01-31T22:59:59Z"));
        assertThat(campaign.fundingModel()).isEqualTo("ALL_OR_NOTHING");
        assertThat(campaign.rewards())
                .containsExactly(new RewardChange(null, "Un pot de miel", "Du toit", Money.of(2_000, "EUR"), 40));
        assertThat(campaign.stretchGoals())
                .containsExactly(new StretchGoal(Money.of(200_000, "EUR"), "Une quatrième ruche"));
    }

    @Test
    void rows_come_as_a_browser_encodes_their_names() {
        CampaignForm form = FormSubmission.post(
                        CampaignForm.class,
                        FILLED + "&rewards%5B0%5D.id=&rewards%5B0%5D.title=Un+pot+de+miel&rewards%5B0%5D.description="
                                + "&rewards%5B0%5D.minAmount=20&rewards%5B0%5D.limit="
                                + "&stretchGoals%5B0%5D.amount=2000&stretchGoals%5B0%5D.label=Une+ruche")
                .form()
                .withoutEmptyRows();

        assertThat(form.rewards()).extracting(CampaignForm.RewardRow::title).containsExactly("Un pot de miel");
        assertThat(form.stretchGoals())
                .extracting(CampaignForm.StretchRow::label)
                .containsExactly("Une ruche");
    }

    @Test
    void a_revision_keeps_each_reward_identity() {
        CampaignForm form = FormSubmission.post(
                        CampaignForm.class,
                        FILLED + "&rewards[0].id=reward-1&rewards[0].title=Un+pot+de+miel&rewards[0].description="
                                + "&rewards[0].minAmount=25&rewards[0].limit=")
                .form()
                .withoutEmptyRows();

        CampaignChanges revision = form.toRevision(PARIS);

        assertThat(revision.rewards())
                .containsExactly(new RewardChange("reward-1", "Un pot de miel", null, Money.of(2_500, "EUR"), null));
    }

    @Test
    void each_mistake_is_named_for_its_field() {
        Bound<CampaignForm> posted = FormSubmission.post(
                CampaignForm.class,
                "goal=mille+euros&currency=EUR&endsOn=" + TODAY
                        + "&rewards[0].title=Sans+montant&rewards[0].minAmount="
                        + "&stretchGoals[0].amount=3000&stretchGoals[0].label=");

        var errors = FormInput.errors(posted.binding());
        errors.putAll(posted.form().withoutEmptyRows().errors(TODAY));

        assertThat(errors).containsOnlyKeys("title", "summary", "goal", "endsOn", "rewards", "stretchGoals");
    }

    @Test
    void a_reward_limit_that_is_not_a_whole_number_is_named_on_the_rewards() {
        Bound<CampaignForm> posted = FormSubmission.post(
                CampaignForm.class, FILLED + "&rewards[0].title=Un+pot&rewards[0].minAmount=20&rewards[0].limit=douze");

        assertThat(FormInput.errors(posted.binding())).containsEntry("rewards", "campaignForm.error.rewardLimit");
    }

    @Test
    void the_form_of_a_campaign_offers_empty_rows_to_add_more() {
        assertThat(CampaignForm.blank().rewards()).hasSize(CampaignForm.EMPTY_ROWS);
        assertThat(CampaignForm.blank().withoutEmptyRows().rewards()).isEmpty();
        assertThat(List.of(CampaignForm.blank().currency())).containsExactly("EUR");
    }
}
