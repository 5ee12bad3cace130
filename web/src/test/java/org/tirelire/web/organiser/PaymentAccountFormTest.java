package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tirelire.web.platform.PlatformRequests.PaymentAccountChange;

class PaymentAccountFormTest {

    private final PaymentAccountForm typed = new PaymentAccountForm(
            "STRIPE", " sk_test_123 ", "whsec_456", "client-1", "client-secret", "les-amis", "mot de passe ");

    @Test
    void only_what_the_chosen_provider_needs_is_sent_trimmed_and_the_password_as_typed() {
        PaymentAccountChange change = typed.toChange();

        assertThat(change.secretKey()).isEqualTo("sk_test_123");
        assertThat(change.webhookSecret()).isEqualTo("whsec_456");
        assertThat(change.clientId()).isNull();
        assertThat(change.clientSecret()).isNull();
        assertThat(change.organisationSlug()).isNull();
        assertThat(change.currentPassword()).isEqualTo("mot de passe ");
    }

    @Test
    void a_form_shown_again_keeps_no_secret_and_no_password_and_neither_prints_them() {
        PaymentAccountForm again = typed.withoutSecrets();

        assertThat(again.secretKey()).isEmpty();
        assertThat(again.webhookSecret()).isEmpty();
        assertThat(again.clientSecret()).isEmpty();
        assertThat(again.currentPassword()).isEmpty();
        assertThat(again.organisationSlug()).isEqualTo("les-amis");
        assertThat(typed.toString()).doesNotContain("sk_test_123").doesNotContain("mot de passe");
        assertThat(typed.toChange().toString()).doesNotContain("sk_test_123").doesNotContain("mot de passe");
    }
}
