package org.tirelire.donation.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tirelire.donation.payment.account.CredentialStore;
import org.tirelire.donation.payment.account.PaymentAccount;
import org.tirelire.donation.payment.account.PaymentAccounts;

/**
 * The providers as organisations connected them: its own Stripe or HelloAsso account, or the sandbox when
 * it has none. Looked up once a while per organisation (a gift should not cost a database read more); a
 * change made on this instance applies at once, on another within {@code accounts-cache-for}.
 */
@Component
public class ConnectedPaymentProviders implements PaymentProviders {

    private record Cached(PaymentProvider provider, Instant until) {}

    private final PaymentAccounts accounts;
    private final CredentialStore credentials;
    private final Map<ProviderKind, ProviderAdapter> adapters;
    private final SandboxPaymentProvider sandbox;
    private final ProviderBreakers breakers;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> byOrganisation = new ConcurrentHashMap<>();

    ConnectedPaymentProviders(
            PaymentAccounts accounts,
            CredentialStore credentials,
            List<ProviderAdapter> adapters,
            SandboxPaymentProvider sandbox,
            ProviderBreakers breakers,
            @Value("${tirelire.payments.accounts-cache-for:10s}") Duration cacheFor,
            Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.adapters = adapters.stream().collect(Collectors.toMap(ProviderAdapter::kind, Function.identity()));
        this.sandbox = sandbox;
        this.breakers = breakers;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public PaymentProvider forOrganisation(String organisationId) {
        Instant now = clock.instant();
        Cached cached = byOrganisation.get(organisationId);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.provider();
        }
        PaymentProvider provider = accounts.findById(organisationId)
                .filter(account -> account.provider() != ProviderKind.SANDBOX)
                .map(this::actingFor)
                .orElse(sandbox);
        byOrganisation.put(organisationId, new Cached(provider, now.plus(cacheFor)));
        return provider;
    }

    /** The organisation changed its account: its next gift goes where it says now. */
    public void forget(String organisationId) {
        byOrganisation.remove(organisationId);
    }

    public ProviderAdapter adapter(ProviderKind kind) {
        ProviderAdapter adapter = adapters.get(kind);
        if (adapter == null) {
            throw new IllegalArgumentException("No adapter for " + kind);
        }
        return adapter;
    }

    private PaymentProvider actingFor(PaymentAccount account) {
        return breakers.guard(adapter(account.provider()).actingFor(credentials.open(account)));
    }
}
