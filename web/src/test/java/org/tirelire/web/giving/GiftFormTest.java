package org.tirelire.web.giving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.FormSubmission;
import org.tirelire.web.page.FormSubmission.Bound;
import org.tirelire.web.platform.PlatformRequests.Gift;
import org.tirelire.web.platform.PlatformViews.Campaign;
import org.tirelire.web.platform.PlatformViews.Progress;
import org.tirelire.web.platform.PlatformViews.Reward;

class GiftFormTest {

    private static final String KEY = "0b6a3f1e-5d2c-4c7e-9a51-3f0f2d1c8e77";
    private static final Campaign CAMPAIGN =
            campaign(new Reward("reward-1", "Un pot de miel", null, Money.of(2_000, "EUR"), 10));

    @Test
    void a_filled_form_becomes_the_gift_the_donor_chose() {
        Bound<GiftForm> posted = FormSubmission.post(
                GiftForm.class,
                "key=" + KEY + "&amount=other&otherAmount=25%2C50&reward=&firstName=+Ada+&lastName=Lovelace"
                        + "&email=ada%40example.org&message=&anonymous=on&fundraiser=&paymentMethod=pm_sandbox_ok");
        Map<String, String> errors = new LinkedHashMap<>();

        OptionalLong amount = GivingPages.checkedAmount(posted.form(), CAMPAIGN, errors);
        Gift gift = posted.form().toDonation(CAMPAIGN.id(), Money.of(amount.orElseThrow(), "EUR"), "fr");

        assertThat(FormInput.errors(posted.binding())).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(posted.form().key())
                .as("the key made when the form was shown")
                .isEqualTo(KEY);
        assertThat(gift.amount()).isEqualTo(Money.of(2_550, "EUR"));
        assertThat(gift.donor().firstName()).isEqualTo("Ada");
        assertThat(gift.anonymous()).isTrue();
        assertThat(gift.newsConsent()).as("an unticked box is not sent").isFalse();
        assertThat(gift.message()).as("an empty message is not sent").isNull();
        assertThat(gift.rewardId()).isNull();
    }

    @Test
    void the_tags_of_the_link_the_donor_followed_go_with_the_gift_and_a_forged_one_is_dropped() {
        Bound<GiftForm> posted = FormSubmission.post(
                GiftForm.class,
                "key=" + KEY + "&amount=2000&firstName=Ada&lastName=Lovelace&email=ada%40example.org"
                        + "&paymentMethod=pm_sandbox_ok&utmSource=newsletter&utmMedium=email"
                        + "&utmCampaign=%3Cscript%3E");

        Gift gift = posted.form().toDonation(CAMPAIGN.id(), Money.of(20_00, "EUR"), "fr");

        assertThat(gift.utm()).isNotNull();
        assertThat(gift.utm().source()).isEqualTo("newsletter");
        assertThat(gift.utm().medium()).isEqualTo("email");
        assertThat(gift.utm().campaign()).as("not a tag: dropped, not refused").isNull();
        assertThat(gift.pollOption())
                .as("no answer chosen: the gift votes for none")
                .isNull();
        assertThat(FormSubmission.post(GiftForm.class, "amount=2000&pollOption=la-mer")
                        .form()
                        .toDonation(CAMPAIGN.id(), Money.of(20_00, "EUR"), "fr")
                        .pollOption())
                .isEqualTo("la-mer");
        assertThat(posted.form().referral().campaignLink("four-solidaire"))
                .isEqualTo("/campaigns/four-solidaire?utm_source=newsletter&utm_medium=email");
        assertThat(FormSubmission.post(GiftForm.class, "amount=2000")
                        .form()
                        .toDonation(CAMPAIGN.id(), Money.of(20_00, "EUR"), "fr")
                        .utm())
                .as("an untagged link sends no tags")
                .isNull();
    }

    @Test
    void each_missing_or_wrong_field_is_named_with_its_message() {
        Bound<GiftForm> posted = FormSubmission.post(GiftForm.class, "amount=other&otherAmount=vingt&email=ada");
        Map<String, String> errors = new LinkedHashMap<>();

        GivingPages.checkedAmount(posted.form(), CAMPAIGN, errors);
        errors.putAll(FormInput.errors(posted.binding()));

        assertThat(errors)
                .containsEntry("amount", "give.error.amount.unreadable")
                .containsEntry("firstName", "give.error.firstName")
                .containsEntry("lastName", "give.error.lastName")
                .containsEntry("email", "give.error.email")
                .containsEntry("paymentMethod", "give.error.paymentMethod");
    }

    @Test
    void a_receipt_asked_for_goes_with_the_address_and_one_not_asked_for_sends_none() {
        String filled = "key=" + KEY + "&amount=5000&firstName=Ada&lastName=Lovelace&email=ada%40example.org"
                + "&paymentMethod=pm_sandbox_ok&addressLine1=3+place+Bellecour&postalCode=69002&city=Lyon";
        GiftForm asking = FormSubmission.post(GiftForm.class, filled + "&receiptWanted=on")
                .form();
        GiftForm notAsking = FormSubmission.post(GiftForm.class, filled).form();

        Gift gift = asking.toDonation(CAMPAIGN.id(), Money.of(50_00, "EUR"), "fr");

        assertThat(gift.receipt().wanted()).isTrue();
        assertThat(gift.receipt().address().line1()).isEqualTo("3 place Bellecour");
        assertThat(gift.receipt().address().postalCode()).isEqualTo("69002");
        assertThat(gift.receipt().address().country())
                .as("France unless told otherwise")
                .isEqualTo("FR");
        assertThat(gift.receipt().address().line2()).isNull();
        assertThat(notAsking
                        .toDonation(CAMPAIGN.id(), Money.of(50_00, "EUR"), "fr")
                        .receipt())
                .as("an address typed without ticking the box is not sent")
                .isNull();
    }

    @Test
    void a_receipt_asked_for_without_an_address_names_each_missing_part() {
        GiftForm form = FormSubmission.post(GiftForm.class, "amount=5000&receiptWanted=on&city=Lyon")
                .form();
        Map<String, String> errors = new LinkedHashMap<>();

        GivingPages.checkReceiptAddress(form, errors);

        assertThat(errors)
                .containsOnly(
                        Map.entry("addressLine1", "give.error.addressLine1"),
                        Map.entry("postalCode", "give.error.postalCode"));
    }

    @Test
    void a_reward_needs_at_least_its_minimum() {
        GiftForm form = FormSubmission.post(GiftForm.class, "amount=1000&reward=reward-1")
                .form();
        Map<String, String> errors = new LinkedHashMap<>();

        GivingPages.checkedAmount(form, CAMPAIGN, errors);

        assertThat(errors).containsEntry("amount", "give.error.amount.belowReward");
    }

    @Test
    void a_forged_idempotency_key_is_replaced_and_a_checkbox_sent_as_nonsense_is_named() {
        Bound<GiftForm> posted = FormSubmission.post(GiftForm.class, "key=%3Cscript%3E&newsConsent=maybe");

        assertThat(posted.form().key()).matches("[0-9a-f-]{36}");
        assertThat(FormInput.errors(posted.binding())).containsEntry("newsConsent", "form.error.unreadable");
    }

    private static Campaign campaign(Reward reward) {
        Money goal = Money.of(500_000, "EUR");
        return new Campaign(
                "campaign-1",
                "des-ruches",
                "org-1",
                "Les Amis du Canal",
                "Des ruches",
                "Trois ruches",
                null,
                null,
                null,
                goal,
                Instant.parse("2027-01-31T22:59:59Z"),
                "KEEP_IT_ALL",
                List.of(),
                List.of(reward),
                "LIVE",
                null,
                new Progress("campaign-1", goal, Money.zero("EUR"), 0, 0, 60, null, List.of(), null, null, null, null));
    }
}
