package org.tirelire.web.organiser;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.OfflineDonor;
import org.tirelire.web.platform.PlatformRequests.OfflineGift;
import org.tirelire.web.platform.PlatformViews.Match;

/**
 * The sponsor paid what their match owes: how much arrived, and how (a transfer, a cheque, cash). It is
 * recorded as the sponsor's offline gift, which settles the match (ADR 33). Its errors show under {@code
 * sponsorPaid.}.
 */
public record SponsorPaymentForm(String amount, String method) {

    public SponsorPaymentForm {
        amount = FormInput.text(amount);
        method = FormInput.text(method);
    }

    /** Message keys by field. */
    public Map<String, String> errors(String currency) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (TypedAmount.positive(amount, currency).isEmpty()) {
            errors.put("sponsorPaid.amount", "sponsorPaid.error.amount");
        }
        if (!method.matches("TRANSFER|CHEQUE|CASH")) {
            errors.put("sponsorPaid.method", "sponsorPaid.error.method");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/offline-donations}: the sponsor's gift, naming their match. */
    public OfflineGift toGift(Match match, String currency) {
        return new OfflineGift(
                Money.of(TypedAmount.positive(amount, currency).orElseThrow(), currency),
                method,
                // a sponsor's name may be longer than a donor's first name (100 and 80 characters)
                new OfflineDonor(
                        match.sponsor()
                                .substring(0, Math.min(80, match.sponsor().length())),
                        "",
                        null),
                null,
                match.id());
    }
}
