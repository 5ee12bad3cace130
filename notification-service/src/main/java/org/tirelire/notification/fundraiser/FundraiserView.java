package org.tirelire.notification.fundraiser;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** A collection page as anyone may see it: the supporter's name, never their email. */
public record FundraiserView(
        String slug,
        String campaignId,
        String title,
        String supporterName,
        @Nullable String message,
        @Nullable String team,
        @Nullable Money goal,
        Money raised,
        long donationCount,
        @Nullable Integer percent,
        PageStatus status,
        String shareUrl,
        ShareKit shareKit,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String editToken) {

    static FundraiserView of(FundraiserPage page, ShareKit shareKit) {
        Integer percent = page.goal() == null || page.goal().amount() == 0
                ? null
                : (int) (page.raised().amount() * 100 / page.goal().amount());
        return new FundraiserView(
                page.slug(),
                page.campaignId(),
                page.title(),
                page.supporterName(),
                page.message(),
                page.team(),
                page.goal(),
                page.raised(),
                page.donationCount(),
                percent,
                page.status(),
                shareKit.url(),
                shareKit,
                page.createdAt(),
                null);
    }

    /** The answer to the supporter who just opened the page: the only time the edit token is shown. */
    FundraiserView withEditToken(String token) {
        return new FundraiserView(
                slug,
                campaignId,
                title,
                supporterName,
                message,
                team,
                goal,
                raised,
                donationCount,
                percent,
                status,
                shareUrl,
                shareKit,
                createdAt,
                token);
    }
}
