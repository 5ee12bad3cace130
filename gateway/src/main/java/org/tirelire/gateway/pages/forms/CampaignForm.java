package org.tirelire.gateway.pages.forms;

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
import org.springframework.util.MultiValueMap;
import org.tirelire.gateway.pages.platform.PlatformViews.Campaign;

/**
 * A campaign as the organiser types it in the create or edit form. Rewards and stretch goals are rows
 * of repeated fields (a few empty rows are always offered, so no script is needed to add one); an
 * empty row is ignored. The campaign ends at the end of the chosen day in the association's time zone.
 */
public record CampaignForm(
        String title,
        String summary,
        String story,
        String coverImageUrl,
        String goal,
        String currency,
        String endsOn,
        String fundingModel,
        List<RewardRow> rewards,
        List<StretchRow> stretchGoals) {

    public static final int EMPTY_ROWS = 2;

    public record RewardRow(String id, String title, String description, String minAmount, String limit) {

        boolean isEmpty() {
            return title.isBlank() && minAmount.isBlank() && description.isBlank() && limit.isBlank();
        }
    }

    public record StretchRow(String amount, String label) {

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
                        campaign.story() == null ? "" : campaign.story(),
                        campaign.coverImageUrl() == null ? "" : campaign.coverImageUrl(),
                        TypedAmount.typed(campaign.goal().amount(), currency),
                        currency,
                        campaign.endsAt().atZone(zone).toLocalDate().toString(),
                        campaign.fundingModel(),
                        campaign.rewards().stream()
                                .map(r -> new RewardRow(
                                        r.id(),
                                        r.title(),
                                        r.description() == null ? "" : r.description(),
                                        TypedAmount.typed(r.minAmount().amount(), currency),
                                        r.limit() == null ? "" : r.limit().toString()))
                                .toList(),
                        campaign.stretchGoals().stream()
                                .map(s -> new StretchRow(
                                        TypedAmount.typed(s.amount().amount(), currency), s.label()))
                                .toList())
                .withEmptyRows();
    }

    public static CampaignForm from(MultiValueMap<String, String> form) {
        List<RewardRow> rewards = new ArrayList<>();
        List<String> titles = all(form, "rewardTitle");
        for (int i = 0; i < titles.size(); i++) {
            rewards.add(new RewardRow(
                    at(form, "rewardId", i),
                    titles.get(i),
                    at(form, "rewardDescription", i),
                    at(form, "rewardMinAmount", i),
                    at(form, "rewardLimit", i)));
        }
        List<StretchRow> stretchGoals = new ArrayList<>();
        List<String> amounts = all(form, "stretchAmount");
        for (int i = 0; i < amounts.size(); i++) {
            stretchGoals.add(new StretchRow(amounts.get(i), at(form, "stretchLabel", i)));
        }
        return new CampaignForm(
                Forms.text(form, "title"),
                Forms.text(form, "summary"),
                Forms.text(form, "story"),
                Forms.text(form, "coverImageUrl"),
                Forms.text(form, "goal"),
                Forms.text(form, "currency").isBlank() ? "EUR" : Forms.text(form, "currency"),
                Forms.text(form, "endsOn"),
                Forms.text(form, "fundingModel"),
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
        return new CampaignForm(
                title,
                summary,
                story,
                coverImageUrl,
                goal,
                currency,
                endsOn,
                fundingModel,
                moreRewards,
                moreStretchGoals);
    }

    /** What the page can check itself, as message keys by field; the service checks the rest. */
    public Map<String, String> errors(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (title.isBlank()) {
            errors.put("title", "campaignForm.error.title");
        }
        if (summary.isBlank()) {
            errors.put("summary", "campaignForm.error.summary");
        }
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
            } else if (!reward.limit().isBlank() && !reward.limit().matches("[1-9]\\d{0,6}")) {
                errors.put("rewards", "campaignForm.error.rewardLimit");
            }
        }
        for (StretchRow stretch : stretchGoals) {
            if (stretch.label().isBlank() || positive(stretch.amount()).isEmpty()) {
                errors.put("stretchGoals", "campaignForm.error.stretchGoal");
            }
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns}; call only once {@link #errors} found none. */
    public Map<String, Object> toCreation(ZoneId zone) {
        Map<String, Object> campaign = toRevision(zone);
        campaign.put("fundingModel", "ALL_OR_NOTHING".equals(fundingModel) ? "ALL_OR_NOTHING" : "KEEP_IT_ALL");
        campaign.put(
                "rewards",
                rewards.stream()
                        .map(r -> {
                            Map<String, Object> reward = reward(r);
                            reward.remove("id");
                            return reward;
                        })
                        .toList());
        return campaign;
    }

    /** The body of {@code PATCH /api/campaigns/{id}}: every field, rewards keeping their ids. */
    public Map<String, Object> toRevision(ZoneId zone) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("title", title);
        campaign.put("summary", summary);
        campaign.put("story", story);
        campaign.put("coverImageUrl", coverImageUrl);
        campaign.put("goal", money(goal));
        campaign.put(
                "endsAt",
                endDate()
                        .atTime(LocalTime.of(23, 59, 59))
                        .atZone(zone)
                        .toInstant()
                        .toString());
        campaign.put(
                "stretchGoals",
                stretchGoals.stream()
                        .map(s -> Map.of("amount", money(s.amount()), "label", s.label()))
                        .toList());
        campaign.put("rewards", rewards.stream().map(this::reward).toList());
        return campaign;
    }

    private Map<String, Object> reward(RewardRow row) {
        Map<String, Object> reward = new LinkedHashMap<>();
        if (!row.id().isBlank()) {
            reward.put("id", row.id());
        }
        reward.put("title", row.title());
        if (!row.description().isBlank()) {
            reward.put("description", row.description());
        }
        reward.put("minAmount", money(row.minAmount()));
        if (!row.limit().isBlank()) {
            reward.put("limit", Integer.parseInt(row.limit()));
        }
        return reward;
    }

    private Map<String, Object> money(String typed) {
        return Map.of("amount", positive(typed).orElseThrow(), "currency", currency);
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

    private static List<String> all(MultiValueMap<String, String> form, String name) {
        List<String> values = form.get(name);
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }

    private static String at(MultiValueMap<String, String> form, String name, int index) {
        List<String> values = all(form, name);
        return index < values.size() ? values.get(index) : "";
    }
}
