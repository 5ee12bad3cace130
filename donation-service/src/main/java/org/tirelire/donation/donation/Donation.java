package org.tirelire.donation.donation;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationFailed;
import org.tirelire.contracts.events.DonationMessageHidden;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.PaymentRequest;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/**
 * A gift and its payment lifecycle: PENDING, then CONFIRMED or FAILED, and a confirmed gift may be
 * REFUNDED. Each transition puts its event in the {@link #outbox} of the same document, so a state is
 * never stored without its event, nor an event published for a state that was not stored.
 */
@Document(Donation.COLLECTION)
@CompoundIndex(name = "by_campaign", def = "{'campaignId': 1, 'createdAt': -1}")
public class Donation implements OutboxAggregate {

    static final String COLLECTION = "donations";
    /** The unique index on {@link #idempotencyKey}, named as auto-index creation names it. */
    static final String KEY_INDEX = "idempotencyKey";

    @Id
    private final String id;

    private final String campaignId;
    private final String organisationId;
    private final Money amount;
    private @Nullable Donor donor;
    private boolean anonymous;
    private @Nullable String message;
    private final @Nullable String rewardId;
    private final @Nullable String fundraiserSlug;
    private boolean newsConsent;
    private final @Nullable String paymentMethod;
    private final @Nullable OfflineMethod offlineMethod;
    private final Instant createdAt;

    private DonationStatus status;
    private @Nullable String paymentReference;
    private @Nullable Instant confirmedAt;
    private @Nullable Instant failedAt;
    private @Nullable String failureReason;
    private @Nullable Instant refundedAt;
    private @Nullable Instant donorErasedAt;
    /** Who takes the payment; absent on gifts recorded before providers other than the sandbox existed. */
    private @Nullable ProviderKind paymentProvider;
    /** The provider's own payment page, for a provider that hosts it, while the donor has still to pay. */
    private @Nullable String paymentPage;
    /** The donor asked for a tax receipt; their postal address is then in {@link #donor}. */
    private boolean receiptWanted;
    /** The subscription this gift is a charge of, for a recurring gift; null for a one-off gift. */
    private @Nullable String subscriptionId;
    /** Which of its subscription's periods it pays: 0 for the first charge, taken when the donor gave. */
    private int chargePeriod;
    /** 0 for a period's charge when due, 1 and 2 for its retries after a failure. */
    private int chargeAttempt;
    /** For a charge of a recurring gift: the donor's signed page to manage it, linked from the thank-you. */
    private @Nullable String manageUrl;
    /** For a repeat charge: the provider's reference of the payment that saved the donor's method. */
    private @Nullable String mandate;
    /** When the organisation hid the donor's message from the public; the organisers still read it. */
    private @Nullable Instant messageHiddenAt;
    /** The held word the message contains: it waits, hidden, until the organisation shows it. */
    private @Nullable String messageHeldFor;
    /** The UTM tags of the link the donor came by, if it had any. */
    private @Nullable Utm utm;
    /** The option of the campaign's poll this gift votes for, with its amount. */
    private @Nullable String pollOption;
    /** For a sponsor's payment of their pledge, the match it settles (ADR 33). */
    private @Nullable String sponsorMatch;
    /**
     * The Idempotency-Key of the request that gave it, unique among gifts: recording the gift claims the key
     * in the same write (ADR 45). Null for gifts given without one (offline, recurring charges).
     */
    @Indexed(name = KEY_INDEX, unique = true, sparse = true)
    private @Nullable String idempotencyKey;
    /** The fingerprint of that request's body: the key sent again with another body is refused. */
    private @Nullable String requestFingerprint;

    private List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Donation(
            String id,
            String campaignId,
            String organisationId,
            Money amount,
            @Nullable Donor donor,
            boolean anonymous,
            @Nullable String message,
            @Nullable String rewardId,
            @Nullable String fundraiserSlug,
            boolean newsConsent,
            @Nullable String paymentMethod,
            @Nullable OfflineMethod offlineMethod,
            Instant createdAt,
            DonationStatus status,
            @Nullable String paymentReference,
            @Nullable Instant confirmedAt,
            @Nullable Instant failedAt,
            @Nullable String failureReason,
            @Nullable Instant refundedAt,
            @Nullable Instant donorErasedAt,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.id = id;
        this.campaignId = campaignId;
        this.organisationId = organisationId;
        this.amount = amount;
        this.donor = donor;
        this.anonymous = anonymous;
        this.message = message;
        this.rewardId = rewardId;
        this.fundraiserSlug = fundraiserSlug;
        this.newsConsent = newsConsent;
        this.paymentMethod = paymentMethod;
        this.offlineMethod = offlineMethod;
        this.createdAt = createdAt;
        this.status = status;
        this.paymentReference = paymentReference;
        this.confirmedAt = confirmedAt;
        this.failedAt = failedAt;
        this.failureReason = failureReason;
        this.refundedAt = refundedAt;
        this.donorErasedAt = donorErasedAt;
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    /** An online gift, recorded before its payment starts. */
    public static Donation pending(
            String id,
            String campaignId,
            String organisationId,
            Money amount,
            Donor donor,
            boolean anonymous,
            @Nullable String message,
            @Nullable String rewardId,
            @Nullable String fundraiserSlug,
            boolean newsConsent,
            String paymentMethod,
            ProviderKind paymentProvider,
            Instant now) {
        Donation donation = new Donation(
                id,
                campaignId,
                organisationId,
                amount,
                donor,
                anonymous,
                message,
                rewardId,
                fundraiserSlug,
                newsConsent,
                paymentMethod,
                null,
                now,
                DonationStatus.PENDING,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
        donation.paymentProvider = paymentProvider;
        return donation;
    }

    /** A gift the organiser collected by hand: it counts as soon as it is recorded. */
    public static Donation offline(
            String id,
            String campaignId,
            String organisationId,
            Money amount,
            @Nullable Donor donor,
            OfflineMethod method,
            Instant now) {
        return offline(id, campaignId, organisationId, amount, donor, method, null, null, now);
    }

    /**
     * A gift the organiser collected by hand, which may be a sponsor's payment of their match: it counts as
     * soon as it is recorded.
     *
     * @param receiptTo the address of the tax receipt the donor asked for; null for none
     */
    public static Donation offline(
            String id,
            String campaignId,
            String organisationId,
            Money amount,
            @Nullable Donor donor,
            OfflineMethod method,
            @Nullable String sponsorMatch,
            @Nullable PostalAddress receiptTo,
            Instant now) {
        Donation donation = new Donation(
                id,
                campaignId,
                organisationId,
                amount,
                donor,
                donor == null,
                null,
                null,
                null,
                false,
                null,
                method,
                now,
                DonationStatus.PENDING,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null);
        donation.sponsorMatch = sponsorMatch;
        if (receiptTo != null) {
            donation.withReceiptTo(receiptTo); // before the confirmation, which says a receipt follows
        }
        donation.confirm("offline-" + method.name().toLowerCase(java.util.Locale.ROOT), now);
        return donation;
    }

    /** This gift is the charge of a subscription's period; said before the gift is first stored. */
    public Donation chargeOf(String subscription, int period, int attempt) {
        this.subscriptionId = subscription;
        this.chargePeriod = period;
        this.chargeAttempt = attempt;
        return this;
    }

    /** The charge's thank-you links to the donor's page of its recurring gift; said before it is first stored. */
    public Donation managedAt(@Nullable URI page) {
        this.manageUrl = page == null ? null : page.toString();
        return this;
    }

    /** The donor came by a link tagged with these UTM parameters; said before the gift is first stored. */
    public Donation cameThrough(@Nullable Utm tags) {
        this.utm = Utm.orNull(tags);
        return this;
    }

    /** The gift votes for this option of the campaign's open poll; said before the gift is first stored. */
    public Donation votesFor(@Nullable String option) {
        this.pollOption = option;
        return this;
    }

    /** The request that gave it came with this Idempotency-Key and body; said before the gift is first stored. */
    public Donation requestedWith(String key, String fingerprint) {
        this.idempotencyKey = key;
        this.requestFingerprint = fingerprint;
        return this;
    }

    /** A repeat charge is taken with the method the donor saved; said before the gift is first stored. */
    public Donation takenWith(@Nullable String savedMethod) {
        this.mandate = savedMethod;
        return this;
    }

    /** The donor wants a tax receipt, made out to this address; asked before the gift is first stored. */
    public Donation withReceiptTo(PostalAddress address) {
        if (donor == null) {
            throw new IllegalStateException("a receipt is made out to a donor");
        }
        donor = donor.at(address);
        receiptWanted = true;
        return this;
    }

    /**
     * The provider has taken the payment in hand under this reference. If the payment has moved on
     * already (a twin request started it too, and its outcome came first), this changes nothing.
     */
    public void awaitPayment(String reference, @Nullable URI page) {
        if (status == DonationStatus.PENDING && paymentReference == null) {
            this.paymentReference = reference;
            this.paymentPage = page == null ? null : page.toString();
        }
    }

    /**
     * The payment went through. Hearing it again (a replayed webhook) changes nothing.
     *
     * @return whether this call confirmed the donation
     */
    public boolean confirm(String reference, Instant at) {
        if (status == DonationStatus.CONFIRMED || status == DonationStatus.REFUNDED) {
            return false;
        }
        if (status != DonationStatus.PENDING) {
            throw new IllegalDonationTransition(id, status, DonationStatus.CONFIRMED);
        }
        status = DonationStatus.CONFIRMED;
        paymentReference = reference;
        paymentPage = null;
        confirmedAt = at;
        outbox.add(PendingEvent.of(
                new DonationConfirmed(
                        id,
                        campaignId,
                        amount,
                        fundraiserSlug,
                        rewardId,
                        donor == null ? null : donor.toEvent(),
                        anonymous,
                        // a message held for a word is not announced: the stream overlay never shows it
                        publicMessage(),
                        newsConsent,
                        offlineMethod == null ? null : offlineMethod.name(),
                        at,
                        manageUrl,
                        pollOption,
                        sponsorMatch,
                        receiptWanted(),
                        subscriptionId),
                at));
        return true;
    }

    /** @return whether this call failed the donation; a failure heard twice changes nothing */
    public boolean fail(String reason, Instant at) {
        if (status == DonationStatus.FAILED) {
            return false;
        }
        if (status != DonationStatus.PENDING) {
            throw new IllegalDonationTransition(id, status, DonationStatus.FAILED);
        }
        status = DonationStatus.FAILED;
        paymentPage = null;
        failedAt = at;
        failureReason = reason;
        outbox.add(PendingEvent.of(new DonationFailed(id, campaignId, amount, reason, at), at));
        return true;
    }

    /** @return whether this call refunded the donation; refunding twice changes nothing */
    public boolean refund(Instant at) {
        if (status == DonationStatus.REFUNDED) {
            return false;
        }
        if (status != DonationStatus.CONFIRMED) {
            throw new IllegalDonationTransition(id, status, DonationStatus.REFUNDED);
        }
        status = DonationStatus.REFUNDED;
        refundedAt = at;
        outbox.add(PendingEvent.of(
                new DonationRefunded(id, campaignId, amount, fundraiserSlug, at, pollOption, sponsorMatch), at));
        return true;
    }

    /** Leaves, beside the change it goes with, the report of what an organiser did to this gift (ADR 24). */
    public void report(OrganisationActionTaken taken) {
        outbox.add(PendingEvent.of(taken, taken.takenAt()));
    }

    /**
     * Forgets who gave, at the donor's request: name, email, message and news consent go; the amount,
     * dates and status stay for the accounts, and the gift shows as "Anonymous" from now on.
     *
     * @return whether this call erased anything; erasing twice changes nothing
     */
    public boolean eraseDonor(Instant at) {
        if (donorErasedAt != null) {
            return false;
        }
        String emailSha256 = donor == null ? null : DonorErased.emailSha256(donor.email());
        donor = null;
        anonymous = true;
        message = null;
        newsConsent = false;
        requestFingerprint = null; // made from the donor's name and address; the key alone stays claimed
        donorErasedAt = at;
        outbox.add(PendingEvent.of(new DonorErased(id, campaignId, emailSha256, at), at));
        return true;
    }

    /** Hides the donor's message from the public wall; once. */
    public boolean hideMessage(Instant at) {
        if (message == null || messageHiddenAt != null) {
            return false;
        }
        messageHiddenAt = at;
        if (status == DonationStatus.CONFIRMED) {
            // the message was public: a stream's overlay may be showing it right now
            outbox.add(PendingEvent.of(new DonationMessageHidden(id, campaignId, at), at));
        }
        return true;
    }

    /** The message contains one of the organisation's held words: it waits, hidden, until shown. */
    public void holdMessage(String heldWord, Instant at) {
        messageHeldFor = heldWord;
        messageHiddenAt = at;
    }

    /** The organisation shows a message it held or hid. */
    public boolean showMessage() {
        if (messageHiddenAt == null) {
            return false;
        }
        messageHiddenAt = null;
        messageHeldFor = null;
        return true;
    }

    /** The message as the public may read it: none while it is held or once the organisation hid it. */
    public @Nullable String publicMessage() {
        return messageHiddenAt == null ? message : null;
    }

    public @Nullable String idempotencyKey() {
        return idempotencyKey;
    }

    public @Nullable String requestFingerprint() {
        return requestFingerprint;
    }

    public @Nullable String sponsorMatch() {
        return sponsorMatch;
    }

    public @Nullable String pollOption() {
        return pollOption;
    }

    public @Nullable Utm utm() {
        return utm;
    }

    public @Nullable String messageHeldFor() {
        return messageHeldFor;
    }

    public @Nullable Instant messageHiddenAt() {
        return messageHiddenAt;
    }

    public boolean isOwnedBy(String organisationId) {
        return this.organisationId.equals(organisationId);
    }

    /** What the public sees of the donor: a first name and initial, or "Anonymous". */
    public String publicDisplayName() {
        if (anonymous || donor == null) {
            return "Anonymous";
        }
        return donor.toEvent().displayName();
    }

    public String id() {
        return id;
    }

    public String campaignId() {
        return campaignId;
    }

    public String organisationId() {
        return organisationId;
    }

    public Money amount() {
        return amount;
    }

    public @Nullable Donor donor() {
        return donor;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public @Nullable String message() {
        return message;
    }

    public @Nullable String rewardId() {
        return rewardId;
    }

    public @Nullable String fundraiserSlug() {
        return fundraiserSlug;
    }

    public boolean newsConsent() {
        return newsConsent;
    }

    public @Nullable String paymentMethod() {
        return paymentMethod;
    }

    public @Nullable OfflineMethod offlineMethod() {
        return offlineMethod;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public DonationStatus status() {
        return status;
    }

    public ProviderKind paymentProvider() {
        return paymentProvider == null ? ProviderKind.SANDBOX : paymentProvider;
    }

    /** Where the donor pays, while they have still to: the provider's page. */
    public @Nullable URI paymentPage() {
        return paymentPage == null ? null : URI.create(paymentPage);
    }

    public @Nullable String subscriptionId() {
        return subscriptionId;
    }

    public int chargePeriod() {
        return chargePeriod;
    }

    public int chargeAttempt() {
        return chargeAttempt;
    }

    public @Nullable String mandate() {
        return mandate;
    }

    /** How this gift's payment recurs, as its provider must know to keep or use a saved method. */
    public PaymentRequest.Recurrence recurrence() {
        if (subscriptionId == null) {
            return PaymentRequest.Recurrence.ONE_OFF;
        }
        return chargePeriod == 0 ? PaymentRequest.Recurrence.FIRST_CHARGE : PaymentRequest.Recurrence.REPEAT_CHARGE;
    }

    /** Whether a tax receipt is due once the gift is confirmed; no longer once the donor was erased. */
    public boolean receiptWanted() {
        return receiptWanted && donor != null;
    }

    public @Nullable String paymentReference() {
        return paymentReference;
    }

    public @Nullable Instant confirmedAt() {
        return confirmedAt;
    }

    public @Nullable Instant failedAt() {
        return failedAt;
    }

    public @Nullable String failureReason() {
        return failureReason;
    }

    public @Nullable Instant donorErasedAt() {
        return donorErasedAt;
    }

    public @Nullable Instant refundedAt() {
        return refundedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
