package org.tirelire.web.organiser;

import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.OfflineDonor;
import org.tirelire.web.platform.PlatformRequests.OfflineGift;

/**
 * A gift the organiser collected by hand (cash, cheque, transfer), as typed in the dashboard. Its errors
 * show under {@code offline.} on the campaign page, which has other forms too.
 */
public record OfflineGiftForm(
        String amount,

        @Pattern(regexp = "CASH|CHEQUE|TRANSFER", message = "offline.error.method")
        String method,

        String firstName,
        String lastName,
        String email) {

    public OfflineGiftForm {
        amount = FormInput.text(amount);
        method = FormInput.text(method);
        firstName = FormInput.text(firstName);
        lastName = FormInput.text(lastName);
        email = FormInput.text(email);
    }

    public static OfflineGiftForm blank() {
        return new OfflineGiftForm("", "CASH", "", "", "");
    }

    /**
     * What Bean Validation does not check, message keys by field: the amount in the campaign's currency,
     * and a donor named by at least a first name, or not at all.
     */
    public Map<String, String> errors(String currency) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (minorUnits(currency).isEmpty()) {
            errors.put("offline.amount", "offline.error.amount");
        }
        if (firstName.isBlank() && !(lastName.isBlank() && email.isBlank())) {
            errors.put("offline.firstName", "offline.error.firstName");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/offline-donations}; the donor only if one was named. */
    public OfflineGift toGift(String currency) {
        @Nullable
        OfflineDonor donor =
                firstName.isBlank() ? null : new OfflineDonor(firstName, lastName, email.isBlank() ? null : email);
        return new OfflineGift(Money.of(minorUnits(currency).orElseThrow(), currency), method, donor);
    }

    private OptionalLong minorUnits(String currency) {
        try {
            OptionalLong typed = TypedAmount.minorUnits(amount, currency);
            return typed.isPresent() && typed.getAsLong() > 0 ? typed : OptionalLong.empty();
        } catch (IllegalArgumentException notAnAmount) {
            return OptionalLong.empty();
        }
    }
}
