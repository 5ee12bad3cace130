package org.tirelire.donation.payment.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.events.PaymentAccountChanged;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/**
 * Where an organisation's gifts are paid: the sandbox, or its own Stripe or HelloAsso account, whose
 * credentials are kept only encrypted. Only credentials the provider accepted are kept. Every change is
 * remembered ({@link #changes}) and announced, since whoever changes them can divert every future gift.
 */
@Document("payment_accounts")
public class PaymentAccount implements OutboxAggregate {

    /** One change of the account: when, by whom, to which provider. */
    public record Change(Instant at, String by, ProviderKind provider) {}

    @Id
    private final String organisationId;

    private ProviderKind provider;
    private @Nullable SealedCredentials credentials;
    private @Nullable String keyHint;
    private Instant connectedAt;
    private String connectedBy;
    private final List<Change> changes;
    private final List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    PaymentAccount(
            String organisationId,
            ProviderKind provider,
            @Nullable SealedCredentials credentials,
            @Nullable String keyHint,
            Instant connectedAt,
            String connectedBy,
            List<Change> changes,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.organisationId = organisationId;
        this.provider = provider;
        this.credentials = credentials;
        this.keyHint = keyHint;
        this.connectedAt = connectedAt;
        this.connectedBy = connectedBy;
        this.changes = new ArrayList<>(changes);
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    /** The first time an organisation chooses where its gifts are paid. */
    public static PaymentAccount first(String organisationId, Instant now) {
        return new PaymentAccount(
                organisationId, ProviderKind.SANDBOX, null, null, now, "", List.of(), List.of(), null);
    }

    /**
     * Gifts go through this provider from now on, with these credentials (sealed), or through the sandbox
     * ({@code sealed} null).
     *
     * @param by the change as the audit log records it: who made it, and when
     */
    public void connect(
            ProviderKind provider,
            @Nullable SealedCredentials sealed,
            @Nullable String keyHint,
            OrganisationActionTaken by) {
        Instant at = by.takenAt();
        this.provider = provider;
        this.credentials = sealed;
        this.keyHint = keyHint;
        this.connectedAt = at;
        this.connectedBy = by.actorEmail();
        changes.add(new Change(at, by.actorEmail(), provider));
        outbox.add(PendingEvent.of(
                new PaymentAccountChanged(organisationId, provider.name(), "CONNECTED", by.actorEmail(), at), at));
        outbox.add(PendingEvent.of(by, at));
    }

    public String organisationId() {
        return organisationId;
    }

    public ProviderKind provider() {
        return provider;
    }

    public @Nullable SealedCredentials credentials() {
        return credentials;
    }

    public @Nullable String keyHint() {
        return keyHint;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public String connectedBy() {
        return connectedBy;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** Tells credentials apart once decrypted: a new version means new credentials. */
    public long version() {
        return version == null ? -1 : version;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
