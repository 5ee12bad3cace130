package org.tirelire.campaign.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.web.MoneyInput;

/** {@code PATCH /api/campaigns/{id}}: only the fields sent change. */
public record CampaignRevision(
        @Size(min = 1, max = 120) @Nullable String title,
        @Size(min = 1, max = 280) @Nullable String summary,
        @Size(max = 20_000) @Nullable String story,

        @Size(max = 500) @Pattern(regexp = "^$|https?://\\S+", message = "must be an http(s) address") @Nullable
        String coverImageUrl,

        @Valid @Nullable MoneyInput goalInput,
        @Nullable Instant endsAt) {

    public @Nullable Money goal() {
        return goalInput == null ? null : goalInput.toMoney();
    }

    /** What a client sends; {@code goal} is read as money input. */
    public record Request(
            @Size(min = 1, max = 120) @Nullable String title,
            @Size(min = 1, max = 280) @Nullable String summary,
            @Size(max = 20_000) @Nullable String story,

            @Size(max = 500) @Pattern(regexp = "^$|https?://\\S+", message = "must be an http(s) address") @Nullable
            String coverImageUrl,

            @Valid @Nullable MoneyInput goal,
            @Nullable Instant endsAt) {

        CampaignRevision toRevision() {
            return new CampaignRevision(title, summary, story, coverImageUrl, goal, endsAt);
        }
    }
}
