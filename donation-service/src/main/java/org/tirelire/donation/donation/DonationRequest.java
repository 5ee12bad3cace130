package org.tirelire.donation.donation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.tirelire.kit.web.InvalidFields;
import org.tirelire.kit.web.MoneyInput;

/**
 * {@code POST /api/donations}: what a donor sends. Names and messages are kept and shown as plain text.
 * {@code pollOption} votes, with the gift's whole amount, for an option of the campaign's open poll.
 */
public record DonationRequest(
        @NotBlank @Size(max = 64) String campaignId,
        @NotNull @Valid MoneyInput amount,
        @NotNull @Valid DonorInput donor,
        @Nullable Boolean anonymous,
        @Size(max = 500) @Nullable String message,
        @Size(max = 64) @Nullable String rewardId,

        @Pattern(regexp = "[a-z0-9-]{1,80}", message = "must be a collection page's slug") @Nullable
        String fundraiser,

        @Nullable Boolean newsConsent,
        @NotBlank @Size(max = 64) String paymentMethod,

        @Pattern(regexp = "fr|en", message = "must be fr or en") @Nullable
        String locale,

        @Valid @Nullable ReceiptInput receipt,
        @Nullable Frequency frequency,
        @Valid @Nullable Utm utm,
        @Size(max = 64) @Nullable String pollOption) {

    /** Once, unless the donor chose to give every month or year. */
    public Frequency frequencyOrOnce() {
        return frequency == null ? Frequency.ONCE : frequency;
    }

    /** A tax receipt, wanted or not; when wanted, the postal address it is made out to. */
    public record ReceiptInput(
            @Nullable Boolean wanted, @Valid @Nullable PostalAddress address) {

        boolean isWanted() {
            return Boolean.TRUE.equals(wanted);
        }

        /**
         * The address a wanted receipt is made out to, every missing part named at once; null when no
         * receipt is wanted. Only an organisation that issues receipts can be asked for one.
         */
        @Nullable
        PostalAddress checkedAddress(String organisationId, GiftReceipts receipts) {
            if (!isWanted()) {
                return null;
            }
            if (!receipts.issuedBy(organisationId)) {
                throw new DonationRefused(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "receipt.wanted",
                        "This organisation does not issue tax receipts: give without asking for one");
            }
            Map<String, String> problems = address == null
                    ? Map.of("receipt.address", "A tax receipt needs the donor's postal address")
                    : address.problems("receipt.address");
            if (!problems.isEmpty()) {
                throw new InvalidFields(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Donation refused",
                        "A tax receipt is made out to the donor's full postal address",
                        problems);
            }
            return address.normalised();
        }
    }

    public record DonorInput(
            @NotBlank @Size(max = 80) String firstName,
            @NotBlank @Size(max = 80) String lastName,
            @NotBlank @Email @Size(max = 254) String email) {}

    Donor toDonor() {
        return new Donor(
                donor.firstName().strip(),
                donor.lastName().strip(),
                donor.email().strip(),
                locale == null ? "fr" : locale);
    }
}
