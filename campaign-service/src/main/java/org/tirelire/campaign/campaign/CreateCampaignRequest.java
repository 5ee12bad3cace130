package org.tirelire.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.kit.web.MoneyInput;

/** What an organiser sends to create a campaign. Ids, status and organisation are never taken from it. */
public record CreateCampaignRequest(
        @NotBlank @Size(max = 120) String title,
        @NotBlank @Size(max = 280) String summary,
        @Size(max = 20_000) @Nullable String story,

        @Size(max = 500) @Pattern(regexp = "^$|https?://\\S+", message = "must be an http(s) address") @Nullable
        String coverImageUrl,

        @NotNull @Valid MoneyInput goal,
        @NotNull @Future Instant endsAt,
        @Nullable FundingModel fundingModel,
        @Size(max = 10) @Nullable List<@Valid StretchGoalInput> stretchGoals,
        @Size(max = 30) @Nullable List<@Valid RewardInput> rewards) {

    public record StretchGoalInput(
            @NotNull @Valid MoneyInput amount,
            @NotBlank @Size(max = 120) String label) {}

    public record RewardInput(
            @NotBlank @Size(max = 120) String title,
            @Size(max = 2_000) @Nullable String description,
            @NotNull @Valid MoneyInput minAmount,
            @Min(1) @Nullable Integer limit) {}
}
