package org.tirelire.web.giving;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.Referral;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformRequests.Gift;
import org.tirelire.web.platform.PlatformRequests.GiftDonor;
import org.tirelire.web.platform.PlatformRequests.ReceiptWish;
import org.tirelire.web.platform.PlatformRequests.Utm;
import org.tirelire.web.platform.PlatformViews.PostalAddress;

/**
 * The giving form as the donor filled it in, kept as typed so that it can be shown again with the
 * errors next to their fields. {@code key} is the Idempotency-Key made when the form was first shown:
 * sending the same form twice (a double click, a reload) gives once. What can be checked without the
 * campaign is checked by Bean Validation; the amount needs the campaign's currency and rewards.
 *
 * @param amount the chosen suggested amount in minor units, or {@code other} for {@code otherAmount}
 */
public record GiftForm(
        String key,
        String amount,
        String otherAmount,
        String reward,
        @NotBlank(message = "give.error.firstName") String firstName,
        @NotBlank(message = "give.error.lastName") String lastName,

        @Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "give.error.email")
        String email,

        String message,
        Boolean anonymous,
        Boolean newsConsent,
        String fundraiser,
        @NotBlank(message = "give.error.paymentMethod") String paymentMethod,
        Boolean receiptWanted,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String city,
        String country,

        @Pattern(regexp = "ONCE|MONTHLY|YEARLY", message = "give.error.frequency")
        String frequency,

        String utmSource,
        String utmMedium,
        String utmCampaign,
        String pollOption) {

    public GiftForm {
        key = FormInput.text(key).matches("[A-Za-z0-9-]{8,64}")
                ? key.strip()
                : UUID.randomUUID().toString();
        amount = FormInput.text(amount);
        otherAmount = FormInput.text(otherAmount);
        reward = FormInput.text(reward);
        firstName = FormInput.text(firstName);
        lastName = FormInput.text(lastName);
        email = FormInput.text(email);
        message = FormInput.text(message);
        // A box left unticked is not sent at all.
        anonymous = Boolean.TRUE.equals(anonymous);
        newsConsent = Boolean.TRUE.equals(newsConsent);
        fundraiser = FormInput.text(fundraiser);
        paymentMethod = FormInput.text(paymentMethod);
        receiptWanted = Boolean.TRUE.equals(receiptWanted);
        addressLine1 = FormInput.text(addressLine1);
        addressLine2 = FormInput.text(addressLine2);
        postalCode = FormInput.text(postalCode);
        city = FormInput.text(city);
        country = FormInput.text(country).isEmpty() ? "FR" : FormInput.text(country);
        frequency = FormInput.text(frequency).isEmpty() ? "ONCE" : FormInput.text(frequency);
        // Hidden fields carried from the link the donor followed: a tag that is not one is dropped.
        utmSource = FormInput.text(Referral.validTag(utmSource));
        utmMedium = FormInput.text(Referral.validTag(utmMedium));
        utmCampaign = FormInput.text(Referral.validTag(utmCampaign));
        pollOption = FormInput.text(pollOption);
    }

    /** Where the donor came from: the collection page and the link's UTM tags, carried by hidden fields. */
    public Referral referral() {
        return new Referral(fundraiser, utmSource, utmMedium, utmCampaign);
    }

    /** Every month or every year, rather than once. */
    public boolean recurring() {
        return !"ONCE".equals(frequency);
    }

    public static GiftForm blank(@Nullable String reward, Referral referral, String amount) {
        return new GiftForm(
                null,
                amount,
                "",
                reward,
                "",
                "",
                "",
                "",
                false,
                false,
                referral.fundraiser(),
                "",
                false,
                "",
                "",
                "",
                "",
                "FR",
                "ONCE",
                referral.utmSource(),
                referral.utmMedium(),
                referral.utmCampaign(),
                "");
    }

    /** The same form with a typed amount, as when a reward's minimum is offered. */
    public GiftForm withOtherAmount(Money typed) {
        return new GiftForm(
                key,
                "other",
                TypedAmount.typed(typed.amount(), typed.currency()),
                reward,
                firstName,
                lastName,
                email,
                message,
                anonymous,
                newsConsent,
                fundraiser,
                paymentMethod,
                receiptWanted,
                addressLine1,
                addressLine2,
                postalCode,
                city,
                country,
                frequency,
                utmSource,
                utmMedium,
                utmCampaign,
                pollOption);
    }

    /** The amount the donor chose, in minor units: a typed amount wins over a suggested one. */
    public OptionalLong minorUnits(String currency) {
        OptionalLong typed = TypedAmount.minorUnits(otherAmount, currency);
        if (typed.isPresent() || "other".equals(amount)) {
            return typed;
        }
        return amount.matches("\\d{1,12}") ? OptionalLong.of(Long.parseLong(amount)) : OptionalLong.empty();
    }

    /** The body of {@code POST /api/donations}. */
    public Gift toDonation(String campaignId, Money amount, String language) {
        return new Gift(
                campaignId,
                amount,
                new GiftDonor(firstName, lastName, email),
                anonymous,
                newsConsent,
                paymentMethod,
                language,
                blankToNull(message),
                blankToNull(reward),
                blankToNull(fundraiser),
                receiptWanted
                        ? new ReceiptWish(
                                true,
                                new PostalAddress(addressLine1, blankToNull(addressLine2), postalCode, city, country))
                        : null,
                recurring() ? frequency : null,
                referral().tagged()
                        ? new Utm(
                                referral().utmSource(),
                                referral().utmMedium(),
                                referral().utmCampaign())
                        : null,
                blankToNull(pollOption));
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
