package org.tirelire.web.organiser;

import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.OfflineDonor;
import org.tirelire.web.platform.PlatformRequests.OfflineGift;
import org.tirelire.web.platform.PlatformRequests.ReceiptWish;
import org.tirelire.web.platform.PlatformViews.PostalAddress;

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
        String email,
        Boolean receiptWanted,
        String addressLine1,
        String postalCode,
        String city) {

    public OfflineGiftForm {
        amount = FormInput.text(amount);
        method = FormInput.text(method);
        firstName = FormInput.text(firstName);
        lastName = FormInput.text(lastName);
        email = FormInput.text(email);
        receiptWanted = Boolean.TRUE.equals(receiptWanted);
        addressLine1 = FormInput.text(addressLine1);
        postalCode = FormInput.text(postalCode);
        city = FormInput.text(city);
    }

    public static OfflineGiftForm blank() {
        return new OfflineGiftForm("", "CASH", "", "", "", false, "", "", "");
    }

    /**
     * What Bean Validation does not check, message keys by field: the amount in the campaign's currency,
     * a donor named by at least a first name, or not at all, and for a tax receipt their full name and
     * postal address.
     */
    public Map<String, String> errors(String currency) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (TypedAmount.positive(amount, currency).isEmpty()) {
            errors.put("offline.amount", "offline.error.amount");
        }
        if (firstName.isBlank() && !(lastName.isBlank() && email.isBlank())) {
            errors.put("offline.firstName", "offline.error.firstName");
        }
        if (receiptWanted) {
            if (firstName.isBlank() || lastName.isBlank()) {
                errors.put("offline.lastName", "offline.error.receiptName");
            }
            if (addressLine1.isBlank() || postalCode.isBlank() || city.isBlank()) {
                errors.put("offline.addressLine1", "offline.error.receiptAddress");
            }
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/offline-donations}; the donor only if one was named. */
    public OfflineGift toGift(String currency) {
        @Nullable
        OfflineDonor donor =
                firstName.isBlank() ? null : new OfflineDonor(firstName, lastName, email.isBlank() ? null : email);
        return new OfflineGift(
                Money.of(TypedAmount.positive(amount, currency).orElseThrow(), currency),
                method,
                donor,
                receiptWanted
                        ? new ReceiptWish(true, new PostalAddress(addressLine1, null, postalCode, city, "FR"))
                        : null);
    }
}
