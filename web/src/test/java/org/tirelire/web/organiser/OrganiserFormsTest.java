package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.FormSubmission;
import org.tirelire.web.page.FormSubmission.Bound;
import org.tirelire.web.platform.PlatformRequests.OfflineDonor;
import org.tirelire.web.platform.PlatformRequests.OfflineGift;

/** The smaller forms of the dashboard and of signing up. */
class OrganiserFormsTest {

    @Test
    void an_offline_gift_names_its_donor_only_when_a_first_name_is_given() {
        OfflineGiftForm named = FormSubmission.post(
                        OfflineGiftForm.class, "amount=12%2C50&method=CHEQUE&firstName=Jean&lastName=Valjean&email=")
                .form();
        OfflineGiftForm anonymous = FormSubmission.post(OfflineGiftForm.class, "amount=20&method=CASH")
                .form();

        assertThat(named.toGift("EUR"))
                .isEqualTo(new OfflineGift(
                        Money.of(1_250, "EUR"), "CHEQUE", new OfflineDonor("Jean", "Valjean", null), null));
        assertThat(anonymous.toGift("EUR").donor()).isNull();
    }

    @Test
    void an_offline_gift_asks_for_a_tax_receipt_only_with_the_donor_s_full_name_and_address() {
        OfflineGiftForm incomplete = FormSubmission.post(
                        OfflineGiftForm.class, "amount=50&method=CHEQUE&firstName=Jeanne&receiptWanted=on&city=Paris")
                .form();
        OfflineGiftForm complete = FormSubmission.post(
                        OfflineGiftForm.class,
                        "amount=50&method=CHEQUE&firstName=Jeanne&lastName=Dupont&receiptWanted=on"
                                + "&addressLine1=5+rue+Bichat&postalCode=75010&city=Paris")
                .form();

        assertThat(incomplete.errors("EUR"))
                .containsOnly(
                        Map.entry("offline.lastName", "offline.error.receiptName"),
                        Map.entry("offline.addressLine1", "offline.error.receiptAddress"));
        assertThat(complete.errors("EUR")).isEmpty();
        assertThat(complete.toGift("EUR").receipt().address().line1()).isEqualTo("5 rue Bichat");
        assertThat(complete.toGift("EUR").receipt().address().country()).isEqualTo("FR");
    }

    @Test
    void an_offline_gift_shows_its_mistakes_under_its_own_name() {
        Bound<OfflineGiftForm> posted =
                FormSubmission.post(OfflineGiftForm.class, "amount=beaucoup&method=BITCOIN&lastName=Valjean");

        assertThat(FormInput.errors(posted.binding(), "offline."))
                .containsEntry("offline.method", "offline.error.method");
        assertThat(posted.form().errors("EUR"))
                .containsEntry("offline.amount", "offline.error.amount")
                .containsEntry("offline.firstName", "offline.error.firstName");
    }

    @Test
    void signing_up_checks_each_field_and_keeps_the_password_as_typed() {
        Bound<SignupForm> refused =
                FormSubmission.post(SignupForm.class, "email=tresoriere&password=court&organisationName=+");
        Bound<SignupForm> accepted = FormSubmission.post(
                SignupForm.class,
                "email=tresoriere%40example.org&password=+une+phrase+de+passe+&organisationName=Les+Amis");

        assertThat(FormInput.errors(refused.binding()))
                .containsEntry("email", "signup.error.email")
                .containsEntry("password", "signup.error.password")
                .containsEntry("organisationName", "signup.error.organisationName");
        assertThat(FormInput.errors(accepted.binding())).isEmpty();
        assertThat(accepted.form().password()).isEqualTo(" une phrase de passe ");
        assertThat(accepted.form().typed()).doesNotContainKey("password");
    }

    @Test
    void news_and_webhooks_need_every_field() {
        assertThat(FormSubmission.post(NewsForm.class, "title=&body=Du+miel")
                        .binding()
                        .hasErrors())
                .isTrue();
        assertThat(FormSubmission.post(WebhookForm.class, "url=https%3A%2F%2Fexample.org%2Fhook")
                        .binding()
                        .hasErrors())
                .isTrue();
        assertThat(FormSubmission.post(
                                WebhookForm.class,
                                "url=https%3A%2F%2Fexample.org%2Fhook&eventTypes=org.tirelire.donation.confirmed.v1")
                        .form()
                        .eventTypes())
                .containsExactly("org.tirelire.donation.confirmed.v1");
    }
}
