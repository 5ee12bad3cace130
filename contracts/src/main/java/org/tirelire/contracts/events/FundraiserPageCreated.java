package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A supporter opened a collection page under a campaign; gifts naming its slug count toward it. */
public record FundraiserPageCreated(
        String slug,
        String campaignId,
        String title,
        String supporterName,
        @Nullable Money goal,
        @Nullable String team,
        Instant createdAt)
        implements FundraiserEvent {

    @Override
    public void dispatchTo(FundraiserEvent.Handler handler) {
        handler.on(this);
    }
}
