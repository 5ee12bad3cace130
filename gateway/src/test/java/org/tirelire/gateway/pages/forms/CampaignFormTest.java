package org.tirelire.gateway.pages.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class CampaignFormTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void rows_of_rewards_and_stretch_goals_become_the_campaign_and_empty_rows_are_ignored() {
        MultiValueMap<String, String> submitted = filled();
        submitted.put("rewardId", List.of("", ""));
        submitted.put("rewardTitle", List.of("Un pot de miel", ""));
        submitted.put("rewardDescription", List.of("Du toit", ""));
        submitted.put("rewardMinAmount", List.of("20", ""));
        submitted.put("rewardLimit", List.of("40", ""));
        submitted.put("stretchAmount", List.of("", "2 000"));
        submitted.put("stretchLabel", List.of("", "Une quatrième ruche"));

        CampaignForm form = CampaignForm.from(submitted);
        assertThat(form.errors(TODAY)).isEmpty();
        Map<String, Object> campaign = form.toCreation(PARIS);

        assertThat(campaign.get("goal")).isEqualTo(Map.of("amount", 150_000L, "currency", "EUR"));
        assertThat(campaign.get("endsAt")).as("the end of the day in Paris").isEqualTo("2027-01-31T22:59:59Z");
        assertThat(campaign.get("fundingModel")).isEqualTo("ALL_OR_NOTHING");
        assertThat(campaign.get("rewards"))
                .isEqualTo(List.of(Map.of(
                        "title",
                        "Un pot de miel",
                        "description",
                        "Du toit",
                        "minAmount",
                        Map.of("amount", 2_000L, "currency", "EUR"),
                        "limit",
                        40)));
        assertThat(campaign.get("stretchGoals"))
                .isEqualTo(List.of(Map.of(
                        "amount", Map.of("amount", 200_000L, "currency", "EUR"), "label", "Une quatrième ruche")));
    }

    @Test
    void a_revision_keeps_each_reward_identity() {
        MultiValueMap<String, String> submitted = filled();
        submitted.put("rewardId", List.of("reward-1"));
        submitted.put("rewardTitle", List.of("Un pot de miel"));
        submitted.put("rewardDescription", List.of(""));
        submitted.put("rewardMinAmount", List.of("25"));
        submitted.put("rewardLimit", List.of(""));

        Map<String, Object> revision = CampaignForm.from(submitted).toRevision(PARIS);

        assertThat(revision.get("rewards"))
                .isEqualTo(List.of(Map.of(
                        "id", "reward-1",
                        "title", "Un pot de miel",
                        "minAmount", Map.of("amount", 2_500L, "currency", "EUR"))));
        assertThat(revision).doesNotContainKey("fundingModel");
    }

    @Test
    void each_mistake_is_named_for_its_field() {
        MultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
        submitted.add("goal", "mille euros");
        submitted.add("currency", "EUR");
        submitted.add("endsOn", TODAY.toString());
        submitted.put("rewardTitle", List.of("Sans montant"));
        submitted.put("rewardMinAmount", List.of(""));
        submitted.put("stretchAmount", List.of("3000"));
        submitted.put("stretchLabel", List.of(""));

        assertThat(CampaignForm.from(submitted).errors(TODAY))
                .containsOnlyKeys("title", "summary", "goal", "endsOn", "rewards", "stretchGoals");
    }

    private static MultiValueMap<String, String> filled() {
        MultiValueMap<String, String> submitted = new LinkedMultiValueMap<>();
        submitted.add("title", "Des ruches sur le toit");
        submitted.add("summary", "Trois ruches");
        submitted.add("story", "");
        submitted.add("coverImageUrl", "");
        submitted.add("goal", "1 500");
        submitted.add("currency", "EUR");
        submitted.add("endsOn", "2027-01-31");
        submitted.add("fundingModel", "ALL_OR_NOTHING");
        return submitted;
    }
}
