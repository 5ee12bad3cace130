package org.tirelire.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.web.MoneyInput;

/**
 * {@code PATCH /api/campaigns/{id}}: only the fields sent change. {@code stretchGoals} and
 * {@code rewards}, when sent, are the whole new list; a reward keeps its identity through its {@code id}.
 */
public record CampaignRevision(
        @Nullable String title,
        @Nullable String summary,
        @Nullable String story,
        @Nullable String coverImageUrl,
        @Nullable Money goal,
        @Nullable Instant endsAt,
        @Nullable List<StretchGoal> stretchGoals,
        @Nullable List<RewardChange> rewards) {

    /** A reward as the organiser wants it: {@code id} names an existing reward, none adds a new one. */
    public record RewardChange(
            @Nullable String id,
            String title,
            @Nullable String description,
            Money minAmount,
            @Nullable Integer limit) {}

    /** What a client sends. */
    public record Request(
            @Size(min = 1, max = 120) @Nullable String title,
            @Size(min = 1, max = 280) @Nullable String summary,
            @Size(max = 20_000) @Nullable String story,

            @Size(max = 500) @Pattern(regexp = "^$|https?://\\S+", message = "must be an http(s) address") @Nullable
            String coverImageUrl,

            @Valid @Nullable MoneyInput goal,
            @Nullable Instant endsAt,
            @Size(max = 10) @Nullable List<CreateCampaignRequest.@Valid StretchGoalInput> stretchGoals,
            @Size(max = 30) @Nullable List<@Valid RewardEdit> rewards) {

        CampaignRevision toRevision() {
            return new CampaignRevision(
                    title,
                    summary,
                    story,
                    coverImageUrl,
                    goal == null ? null : goal.toMoney(),
                    endsAt,
                    stretchGoals == null
                            ? null
                            : stretchGoals.stream()
                                    .map(s -> new StretchGoal(s.amount().toMoney(), s.label()))
                                    .toList(),
                    rewards == null
                            ? null
                            : rewards.stream()
                                    .map(r -> new RewardChange(
                                            r.id(),
                                            r.title(),
                                            r.description(),
                                            r.minAmount().toMoney(),
                                            r.limit()))
                                    .toList());
        }
    }

    public record RewardEdit(
            @Size(max = 64) @Nullable String id,
            @NotBlank @Size(max = 120) String title,
            @Size(max = 2_000) @Nullable String description,
            @NotNull @Valid MoneyInput minAmount,
            @Min(1) @Nullable Integer limit) {}
}
