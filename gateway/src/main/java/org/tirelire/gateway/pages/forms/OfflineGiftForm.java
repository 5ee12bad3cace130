package org.tirelire.gateway.pages.forms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/** A gift the organiser collected by hand (cash, cheque, transfer), as typed in the dashboard. */
public record OfflineGiftForm(String amount, String method, String firstName, String lastName, String email) {

    private static final Set<String> METHODS = Set.of("CASH", "CHEQUE", "TRANSFER");

    public static OfflineGiftForm blank() {
        return new OfflineGiftForm("", "CASH", "", "", "");
    }

    public static OfflineGiftForm from(MultiValueMap<String, String> form) {
        return new OfflineGiftForm(
                Forms.text(form, "amount"),
                Forms.text(form, "method"),
                Forms.text(form, "firstName"),
                Forms.text(form, "lastName"),
                Forms.text(form, "email"));
    }

    public Map<String, String> errors(String currency) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (minorUnits(currency).isEmpty()) {
            errors.put("offline.amount", "offline.error.amount");
        }
        if (!METHODS.contains(method)) {
            errors.put("offline.method", "offline.error.method");
        }
        if (firstName.isBlank() && !(lastName.isBlank() && email.isBlank())) {
            errors.put("offline.firstName", "offline.error.firstName");
        }
        return errors;
    }

    /** The body of {@code POST /api/campaigns/{id}/offline-donations}; the donor only if one was named. */
    public Map<String, Object> toGift(String currency) {
        Map<String, Object> gift = new LinkedHashMap<>();
        gift.put("amount", Map.of("amount", minorUnits(currency).orElseThrow(), "currency", currency));
        gift.put("method", method);
        if (!firstName.isBlank()) {
            Map<String, Object> donor = new LinkedHashMap<>();
            donor.put("firstName", firstName);
            donor.put("lastName", lastName);
            if (!email.isBlank()) {
                donor.put("email", email);
            }
            gift.put("donor", donor);
        }
        return gift;
    }

    private OptionalLong minorUnits(String currency) {
        try {
            OptionalLong amount = TypedAmount.minorUnits(this.amount, currency);
            return amount.isPresent() && amount.getAsLong() > 0 ? amount : OptionalLong.empty();
        } catch (IllegalArgumentException notAnAmount) {
            return OptionalLong.empty();
        }
    }
}
