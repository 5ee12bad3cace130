package org.tirelire.web.organiser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.NewMatch;

/**
 * A sponsor's pledge as the organiser types it on the campaign page: who, how much per euro given, up to how
 * much, until when (a date and time in the association's time zone), and from which gift. Its errors show
 * under {@code match.}.
 */
public record MatchForm(String sponsor, String ratio, String cap, String endsAt, String minimumGift) {

    static final int MAX_SPONSOR_LENGTH = 100;

    public MatchForm {
        sponsor = FormInput.text(sponsor);
        ratio = FormInput.text(ratio);
        cap = FormInput.text(cap);
        endsAt = FormInput.text(endsAt);
        minimumGift = FormInput.text(minimumGift);
    }

    public static MatchForm blank() {
        return new MatchForm("", "1", "", "", "");
    }

    /** Message keys by field: everything is checked here, before campaign-service sees it. */
    public Map<String, String> errors(String currency, ZoneId zone, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (sponsor.isBlank() || sponsor.length() > MAX_SPONSOR_LENGTH) {
            errors.put("match.sponsor", "match.error.sponsor");
        }
        if (!ratio.matches("[123]")) {
            errors.put("match.ratio", "match.error.ratio");
        }
        if (TypedAmount.positive(cap, currency).isEmpty()) {
            errors.put("match.cap", "match.error.cap");
        }
        if (ends(zone).filter(ends -> ends.isAfter(now)).isEmpty()) {
            errors.put("match.endsAt", "match.error.endsAt");
        }
        if (!minimumGift.isBlank()
                && TypedAmount.positive(minimumGift, currency).isEmpty()) {
            errors.put("match.minimumGift", "match.error.minimumGift");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/matches}; call once {@link #errors} found none. */
    public NewMatch toMatch(String currency, ZoneId zone) {
        @Nullable
        Money minimum = minimumGift.isBlank()
                ? null
                : Money.of(TypedAmount.positive(minimumGift, currency).orElseThrow(), currency);
        return new NewMatch(
                sponsor,
                Integer.parseInt(ratio),
                Money.of(TypedAmount.positive(cap, currency).orElseThrow(), currency),
                ends(zone).orElseThrow(),
                minimum);
    }

    private Optional<Instant> ends(ZoneId zone) {
        try {
            return Optional.of(LocalDateTime.parse(endsAt).atZone(zone).toInstant());
        } catch (DateTimeParseException notADateAndTime) {
            return Optional.empty();
        }
    }
}
