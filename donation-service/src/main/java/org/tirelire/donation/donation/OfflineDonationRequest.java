package org.tirelire.donation.donation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.tirelire.kit.web.MoneyInput;

/**
 * A gift the organiser collected by hand: cash at a stall, a cheque, a bank transfer.
 *
 * @param sponsorMatch when this is a sponsor paying what their match owes, the match's id: the campaign then
 *     counts the payment in place of what was matched (ADR 33)
 */
public record OfflineDonationRequest(
        @NotNull @Valid MoneyInput amount,
        @NotNull OfflineMethod method,
        @Valid @Nullable OfflineDonor donor,
        @Valid DonationRequest.@Nullable ReceiptInput receipt,
        @Size(max = 64) @Nullable String sponsorMatch) {

    /**
     * The donor is optional (a cash box has none); a tax receipt needs one, with their last name and postal
     * address, and is emailed when the email is given (else the organisation hands it over).
     */
    public record OfflineDonor(
            @NotBlank @Size(max = 80) String firstName,
            @Size(max = 80) @Nullable String lastName,
            @Email @Size(max = 254) @Nullable String email) {

        Donor toDonor() {
            return new Donor(
                    firstName.strip(),
                    lastName == null ? "" : lastName.strip(),
                    email == null ? "" : email.strip(),
                    "fr");
        }
    }
}
