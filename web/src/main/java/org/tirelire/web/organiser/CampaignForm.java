package org.tirelire.web.organiser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.CampaignChanges;
import org.tirelire.web.platform.PlatformRequests.NewCampaign;
import org.tirelire.web.platform.PlatformRequests.RewardChange;
import org.tirelire.web.platform.PlatformRequests.StretchGoal;
import org.tirelire.web.platform.PlatformViews.Campaign;

/**
 * A campaign as the organiser types it in the create or edit form. Rewards and stretch goals are rows
 * of fields ({@code rewards[0].title}…; a few empty rows are always offered, so no script is needed to
 * add one); an empty row is ignored. The campaign ends at the end of the chosen day in the association's
 * time zone. Bean Validation checks what needs no context; amounts and the date need the currency and today.
 */
public record CampaignForm(
        @NotBlank(message = "campaignForm.error.title") String title,
        @NotBlank(message = "campaignForm.error.summary") String summary,
        String story,
        String coverImageUrl,
        String goal,
        String currency,
        String endsOn,
        String fundingModel,
        List<@Valid RewardRow> rewards,
        List<@Valid StretchRow> stretchGoals) {

    public static final int EMPTY_ROWS = 2;

    public CampaignForm {
        title = FormInput.text(title);
        summary = FormInput.text(summary);
        story = FormInput.text(story);
        coverImageUrl = FormInput.text(coverImageUrl);
        goal = FormInput.text(goal);
        currency = FormInput.text(currency).isEmpty() ? "EUR" : FormInput.text(currency);
        endsOn = FormInput.text(endsOn);
        fundingModel = FormInput.text(fundingModel);
        rewards = rewards == null ? List.of() : List.copyOf(rewards);
        stretchGoals = stretchGoals == null ? List.of() : List.copyOf(stretchGoals);
    }

    public record RewardRow(
            String id,
            String title,
            String description,
            String minAmount,

            @Pattern(regexp = "|[1-9]\\d{0,6}", message = "campaignForm.error.rewardLimit")
            String limit) {

        public RewardRow {
            id = FormInput.text(id);
            title = FormInput.text(title);
            description = FormInput.text(description);
            minAmount = FormInput.text(minAmount);
            limit = FormInput.text(limit);
        }

        boolean isEmpty() {
            return title.isBlank() && minAmount.isBlank() && description.isBlank() && limit.isBlank();
        }
    }

    public record StretchRow(String amount, String label) {

        public StretchRow {
            amount = FormInput.text(amount);
            label = FormInput.text(label);
        }

        boolean isEmpty() {
            return amount.isBlank() && label.isBlank();
        }
    }

    public static CampaignForm blank() {
        return new CampaignForm("", "", "", "", "", "EUR", "", "KEEP_IT_ALL", List.of(), List.of()).withEmptyRows();
    }

    public static CampaignForm of(Campaign campaign, ZoneId zone) {
        String currency = campaign.goal().currency();
        return new CampaignForm(
                        campaign.title(),
                        campaign.summary(),
                        campaign.story(),
                        campaign.coverImageUrl(),
                        TypedAmount.typed(campaign.goal().amount(), currency),
                        currency,
                        campaign.endsAt().atZone(zone).toLocalDate().toString(),
                        campaign.fundingModel(),
                        campaign.rewards().stream()
                                .map(r -> new RewardRow(
                                        r.id(),
                                        r.title(),
                                        r.description(),
                                        TypedAmount.typed(r.minAmount().amount(), currency),
                                        r.limit() == null ? "" : r.limit().toString()))
                                .toList(),
                        campaign.stretchGoals().stream()
                                .map(s -> new StretchRow(
                                        TypedAmount.typed(s.amount().amount(), currency), s.label()))
                                .toList())
                .withEmptyRows();
    }

    /** The form as the organiser filled it, without the rows left empty. */
    public CampaignForm withoutEmptyRows() {
        return withRows(
                rewards.stream().filter(r -> !r.isEmpty()).toList(),
                stretchGoals.stream().filter(s -> !s.isEmpty()).toList());
    }

    /** The same form with empty rows to add a reward or a stretch goal. */
    public CampaignForm withEmptyRows() {
        List<RewardRow> moreRewards = new ArrayList<>(rewards);
        List<StretchRow> moreStretchGoals = new ArrayList<>(stretchGoals);
        for (int i = 0; i < EMPTY_ROWS; i++) {
            moreRewards.add(new RewardRow("", "", "", "", ""));
            moreStretchGoals.add(new StretchRow("", ""));
        }
        return withRows(moreRewards, moreStretchGoals);
    }

    private CampaignForm withRows(List<RewardRow> rewardRows, List<StretchRow> stretchRows) {
        return new CampaignForm(
                title, summary, story, coverImageUrl, goal, currency, endsOn, fundingModel, rewardRows, stretchRows);
    }

    /**
     * What Bean Validation cannot check alone, message keys by field: amounts in the form's currency and
     * a currency, a deadline after {@code today}. Call on the form without its empty rows.
     */
    public Map<String, String> errors(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!currency.matches("[A-Z]{3}")) {
            errors.put("goal", "campaignForm.error.currency");
        } else if (positive(goal).isEmpty()) {
            errors.put("goal", "campaignForm.error.goal");
        }
        LocalDate ends = endDate();
        if (ends == null || !ends.isAfter(today)) {
            errors.put("endsOn", "campaignForm.error.endsOn");
        }
        for (RewardRow reward : rewards) {
            if (reward.title().isBlank() || positive(reward.minAmount()).isEmpty()) {
                errors.put("rewards", "campaignForm.error.reward");
            }
        }
        for (StretchRow stretch : stretchGoals) {
            if (stretch.label().isBlank() || positive(stretch.amount()).isEmpty()) {
                errors.put("stretchGoals", "campaignForm.error.stretchGoal");
            }
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns}; call only once the form has no errors. */
    public NewCampaign toCreation(ZoneId zone) {
        return new NewCampaign(
                title,
                summary,
                story,
                coverImageUrl,
                money(goal),
                endsAt(zone),
                "ALL_OR_NOTHING".equals(fundingModel) ? "ALL_OR_NOTHING" : "KEEP_IT_ALL",
                stretchGoalsOffered(),
                rewards.stream().map(row -> reward(row, null)).toList());
    }

    /** The body of {@code PATCH /api/campaigns/{id}}: every field, rewards keeping their ids. */
    public CampaignChanges toRevision(ZoneId zone) {
        return new CampaignChanges(
                title,
                summary,
                story,
                coverImageUrl,
                money(goal),
                endsAt(zone),
                stretchGoalsOffered(),
                rewards.stream()
                        .map(row -> reward(row, row.id().isBlank() ? null : row.id()))
                        .toList());
    }

    private Instant endsAt(ZoneId zone) {
        return endDate().atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
    }

    private List<StretchGoal> stretchGoalsOffered() {
        return stretchGoals.stream()
                .map(s -> new StretchGoal(money(s.amount()), s.label()))
                .toList();
    }

    private RewardChange reward(RewardRow row, @Nullable String id) {
        return new RewardChange(
                id,
                row.title(),
                row.description().isBlank() ? null : row.description(),
                money(row.minAmount()),
                row.limit().isBlank() ? null : Integer.valueOf(row.limit()));
    }

    private Money money(String typed) {
        return Money.of(positive(typed).orElseThrow(), currency);
    }

    private OptionalLong positive(String typed) {
        try {
            OptionalLong amount = TypedAmount.minorUnits(typed, currency);
            return amount.isPresent() && amount.getAsLong() > 0 ? amount : OptionalLong.empty();
        } catch (IllegalArgumentException notAnAmount) {
            return OptionalLong.empty();
        }
    }

    private @Nullable LocalDate endDate() {
        try {
            return LocalDate.parse(endsOn);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
