package org.tirelire.donation.payment.account;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.payment.ConnectedPaymentProviders;
import org.tirelire.donation.payment.ProviderAdapter;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.security.Organiser;

/**
 * An organisation connects the account its gifts are paid to. The credentials are checked with the
 * provider first: only accepted ones are kept (a typo never sends gifts nowhere), encrypted; the change
 * is remembered and announced, so the organisation hears of it whoever made it.
 */
@Component
public class PaymentAccountSettings {

    private static final Logger log = LoggerFactory.getLogger(PaymentAccountSettings.class);

    private final PaymentAccounts accounts;
    private final CredentialStore credentials;
    private final ConnectedPaymentProviders providers;
    private final AggregateUpdates updates;
    private final AuditTrail auditTrail;
    private final Clock clock;

    PaymentAccountSettings(
            PaymentAccounts accounts,
            CredentialStore credentials,
            ConnectedPaymentProviders providers,
            AggregateUpdates updates,
            AuditTrail auditTrail,
            Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.providers = providers;
        this.updates = updates;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public PaymentAccountView current(String organisationId) {
        return accounts.findById(organisationId).map(PaymentAccountView::of).orElseGet(PaymentAccountView::sandbox);
    }

    /** Call once the organiser's password was confirmed. */
    public PaymentAccountView connect(Organiser by, PaymentAccountRequest request) {
        String organisationId = by.organisationId();
        Credentials wanted = credentialsIn(request);
        if (wanted == null) {
            return save(by, ProviderKind.SANDBOX, null, null);
        }
        if (!credentials.ready()) {
            throw new CredentialsKeyMissing();
        }
        ProviderAdapter.Connection connection =
                providers.adapter(wanted.provider()).check(wanted);
        if (!connection.accepted()) {
            log.info(
                    "Organisation {} tried {} credentials {}: refused ({})",
                    organisationId,
                    wanted.provider(),
                    wanted.secretHint(),
                    connection.detail());
            return PaymentAccountView.refused(wanted, connection.detail());
        }
        return save(by, wanted.provider(), credentials.seal(organisationId, wanted), wanted.secretHint());
    }

    private PaymentAccountView save(
            Organiser by, ProviderKind provider, @Nullable SealedCredentials sealed, @Nullable String keyHint) {
        String organisationId = by.organisationId();
        if (!accounts.existsById(organisationId)) {
            try {
                updates.insert(accounts, PaymentAccount.first(organisationId, clock.instant()));
            } catch (org.springframework.dao.DuplicateKeyException createdMeanwhile) {
                // Another request created it a moment ago: change that one.
            }
        }
        PaymentAccount saved = updates.update(
                accounts, organisationId, () -> new IllegalStateException("account just created"), account -> {
                    account.connect(
                            provider,
                            sealed,
                            keyHint,
                            auditTrail.taken(
                                    by,
                                    AuditAction.PAYMENT_ACCOUNT_CHANGED,
                                    "gifts now paid through " + provider
                                            + (keyHint == null ? "" : ", key " + keyHint)));
                    return account;
                });
        providers.forget(organisationId);
        log.info(
                "Organisation {} now collects through {} {}", organisationId, provider, keyHint == null ? "" : keyHint);
        return PaymentAccountView.of(saved);
    }

    /** The credentials the request names, each required field checked; null for the sandbox. */
    private static @Nullable Credentials credentialsIn(PaymentAccountRequest request) {
        return switch (request.provider()) {
            case SANDBOX -> null;
            case STRIPE ->
                new Credentials.Stripe(
                        required(
                                request.secretKey(),
                                "secretKey",
                                "sk_live_|sk_test_|rk_live_|rk_test_",
                                "a Stripe secret key (sk_…) or restricted key (rk_…)"),
                        required(
                                request.webhookSecret(),
                                "webhookSecret",
                                "whsec_",
                                "the signing secret of the webhook endpoint (whsec_…)"));
            case HELLOASSO ->
                new Credentials.HelloAsso(
                        required(
                                request.clientId(),
                                "clientId",
                                "",
                                "the client id of the organisation's HelloAsso API client"),
                        required(request.clientSecret(), "clientSecret", "", "its client secret"),
                        required(
                                request.organisationSlug(),
                                "organisationSlug",
                                "",
                                "the organisation's slug on HelloAsso"));
        };
    }

    private static String required(@Nullable String value, String field, String prefixes, String what) {
        String stripped = value == null ? "" : value.strip();
        boolean prefixed = prefixes.isEmpty()
                || java.util.Arrays.stream(prefixes.split("\\|")).anyMatch(stripped::startsWith);
        if (stripped.isEmpty() || !prefixed || stripped.contains(" ")) {
            throw new PaymentAccountRefused(HttpStatus.UNPROCESSABLE_CONTENT, field, "Give " + what);
        }
        return stripped;
    }
}
