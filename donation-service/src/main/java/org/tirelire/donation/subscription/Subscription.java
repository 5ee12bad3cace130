package org.tirelire.donation.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.SubscriptionChargeFailed;
import org.tirelire.contracts.events.SubscriptionChargeUpcoming;
import org.tirelire.contracts.events.SubscriptionLinkSent;
import org.tirelire.contracts.events.SubscriptionMovedToGeneralFund;
import org.tirelire.contracts.events.SubscriptionStarted;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Donor;
import org.tirelire.donation.donation.Frequency;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/**
 * A donor's recurring gift: every month (or year) a charge of {@link #amount}, each a donation of its own,
 * until it is cancelled. {@link #nextPeriod} is the next period to charge, due at {@link #nextChargeAt};
 * a period whose charge failed is retried on day 3 and day 7 ({@link #retryPeriod}), then the gift is
 * suspended. Each period's charge is claimed in {@code subscription_charges} before it is made, so it is
 * made once (ADR 27).
 */
@Document("subscriptions")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextChargeAt': 1}")
@CompoundIndex(name = "retries", def = "{'status': 1, 'retryAt': 1}")
public class Subscription implements OutboxAggregate {

    static final int ATTEMPTS_PER_PERIOD = 3;

    @Id
    private final String id;

    private final String organisationId;
    private final String campaignId;
    private Donor donor;
    private final boolean receiptWanted;
    private Money amount;
    private final Frequency frequency;
    private String paymentMethod;
    private final ProviderKind provider;
    private final Instant startedAt;
    private SubscriptionStatus status;
    private int nextPeriod;
    private Instant nextChargeAt;
    private @Nullable Instant pausedUntil;
    private @Nullable Integer retryPeriod;
    private int retryAttempt;
    private @Nullable Instant retryAt;
    private @Nullable Instant cancelledAt;
    private @Nullable String cancellationReason;
    /**
     * The provider's reference of the payment that saved the donor's method (the first charge, or a later
     * change of method), which the next charges are taken with; null until the first charge is confirmed.
     */
    private @Nullable String mandate;
    /** When its campaign was found ended: the charges since support the organisation's general fund. */
    private @Nullable Instant generalFundSince;
    /** The last period whose coming charge the donor was told of beforehand (yearly gifts). */
    private int noticedPeriod;
    /** When a new link was last emailed at the donor's request: at most one every ten minutes. */
    private @Nullable Instant linkSentAt;

    private final List<String> charges;
    /** Charges whose failure was heard already: hearing one again changes nothing. */
    private final List<String> failedCharges;

    private final List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Subscription(
            String id,
            String organisationId,
            String campaignId,
            Donor donor,
            boolean receiptWanted,
            Money amount,
            Frequency frequency,
            String paymentMethod,
            ProviderKind provider,
            Instant startedAt,
            SubscriptionStatus status,
            int nextPeriod,
            Instant nextChargeAt,
            List<String> charges,
            List<String> failedCharges,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.id = id;
        this.organisationId = organisationId;
        this.campaignId = campaignId;
        this.donor = donor;
        this.receiptWanted = receiptWanted;
        this.amount = amount;
        this.frequency = frequency;
        this.paymentMethod = paymentMethod;
        this.provider = provider;
        this.startedAt = startedAt;
        this.status = status;
        this.nextPeriod = nextPeriod;
        this.nextChargeAt = nextChargeAt;
        this.charges = new ArrayList<>(charges);
        this.failedCharges = new ArrayList<>(failedCharges);
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    /** Started by its first charge, taken now; the next falls due a period later. */
    static Subscription startedBy(
            String id,
            String organisationId,
            String campaignId,
            Donor donor,
            boolean receiptWanted,
            Money amount,
            Frequency frequency,
            String paymentMethod,
            ProviderKind provider,
            String firstChargeId,
            String manageUrl,
            Instant startedAt) {
        Subscription started = new Subscription(
                id,
                organisationId,
                campaignId,
                donor,
                receiptWanted,
                amount,
                frequency,
                paymentMethod,
                provider,
                startedAt,
                SubscriptionStatus.ACTIVE,
                1,
                ChargeSchedule.dueAt(startedAt, frequency, 1),
                List.of(firstChargeId),
                List.of(),
                List.of(),
                null);
        started.outbox.add(PendingEvent.of(
                new SubscriptionStarted(
                        firstChargeId,
                        campaignId,
                        id,
                        donor.toEvent(),
                        amount,
                        frequency.name(),
                        manageUrl,
                        started.nextChargeAt,
                        startedAt),
                startedAt));
        return started;
    }

    /** Whether this period's charge, at this attempt, is the one the subscription waits for now. */
    boolean awaits(int period, int attempt) {
        if (status != SubscriptionStatus.ACTIVE) {
            return false;
        }
        return attempt == 0
                ? nextPeriod == period
                : retryPeriod != null && retryPeriod == period && retryAttempt == attempt && retryAt != null;
    }

    /**
     * Whether this period's charge, at this attempt, is the one awaited and its day has come by {@code now}:
     * a charge is never taken before its day, whatever list of due gifts it was found in.
     */
    boolean dueBy(int period, int attempt, Instant now) {
        if (!awaits(period, attempt)) {
            return false;
        }
        Instant due = attempt == 0 ? nextChargeAt : retryAt;
        return due != null && !due.isAfter(now);
    }

    /** The charge of this period and attempt was made: the next period falls due, or the retry is spent. */
    void charged(int period, int attempt, String donationId) {
        if (!awaits(period, attempt)) {
            return;
        }
        if (!charges.contains(donationId)) {
            charges.add(donationId);
        }
        if (attempt == 0) {
            nextPeriod = period + 1;
            nextChargeAt = ChargeSchedule.dueAt(startedAt, frequency, nextPeriod);
        } else {
            retryAt = null;
        }
    }

    /**
     * A charge failed. The first charge failing ends the gift before it began; a later period is tried
     * again on day 3 and day 7 after it fell due, then the gift is suspended.
     *
     * The donor is told, with the link to fix it.
     *
     * @return whether this changed anything: a failure heard twice does not
     */
    boolean chargeFailed(String donationId, int period, int attempt, String manageUrl, Instant at) {
        if (failedCharges.contains(donationId) || status == SubscriptionStatus.CANCELLED) {
            return false;
        }
        failedCharges.add(donationId);
        if (period == 0) {
            cancel("the first payment failed", null);
            return true;
        }
        if (attempt + 1 < ATTEMPTS_PER_PERIOD) {
            retryPeriod = period;
            retryAttempt = attempt + 1;
            retryAt = ChargeSchedule.dueAt(startedAt, frequency, period)
                    .plus(java.time.Duration.ofDays(retryAttempt == 1 ? 3 : 7));
        } else {
            status = SubscriptionStatus.SUSPENDED;
            retryAt = null;
        }
        outbox.add(PendingEvent.of(
                new SubscriptionChargeFailed(
                        donationId,
                        campaignId,
                        id,
                        donor.toEvent(),
                        amount,
                        retryAt,
                        status == SubscriptionStatus.SUSPENDED,
                        manageUrl,
                        at),
                at));
        return true;
    }

    /**
     * A charge went through: the first one saved the donor's method for the next ones; a retried one leaves
     * nothing more to retry for its period.
     */
    void chargeSucceeded(int period, @Nullable String paymentReference) {
        if (period == 0 && mandate == null) {
            mandate = paymentReference;
        }
        if (retryPeriod != null && retryPeriod == period) {
            retryPeriod = null;
            retryAttempt = 0;
            retryAt = null;
        }
    }

    /** @param at when, or null for a cancellation that has no moment of its own (a first payment failed) */
    boolean cancel(String reason, @Nullable Instant at) {
        if (status == SubscriptionStatus.CANCELLED) {
            return false;
        }
        status = SubscriptionStatus.CANCELLED;
        cancelledAt = at == null ? startedAt : at;
        cancellationReason = reason;
        retryAt = null;
        return true;
    }

    /** No charge falls due before {@code until}; the periods that fall in between are not charged. */
    void pause(Instant until) {
        if (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAUSED) {
            status = SubscriptionStatus.PAUSED;
            pausedUntil = until;
        }
    }

    /** The pause is over: charging goes on with the first period due after it. */
    void resume() {
        if (status != SubscriptionStatus.PAUSED) {
            return;
        }
        status = SubscriptionStatus.ACTIVE;
        nextPeriod = firstPeriodAfterPause();
        nextChargeAt = ChargeSchedule.dueAt(startedAt, frequency, nextPeriod);
        pausedUntil = null;
    }

    /** When the next charge falls: for a paused gift, the first period due after the pause. */
    public Instant nextChargeAfterPause() {
        return ChargeSchedule.dueAt(startedAt, frequency, firstPeriodAfterPause());
    }

    /** A period due up to the end of the pause, that day included, falls in it and is not charged. */
    private int firstPeriodAfterPause() {
        int period = nextPeriod;
        while (pausedUntil != null
                && !ChargeSchedule.dueAt(startedAt, frequency, period).isAfter(pausedUntil)) {
            period++;
        }
        return period;
    }

    /** Leaves, beside the change it goes with, the report of what an organiser did to this gift (ADR 24). */
    void report(org.tirelire.contracts.events.OrganisationActionTaken taken) {
        outbox.add(PendingEvent.of(taken, taken.takenAt()));
    }

    /**
     * Emails the donor a fresh link, unless one went less than ten minutes ago (a form submitted again, or
     * someone typing another's address over and over).
     *
     * @return whether a link goes out
     */
    boolean sendLink(String manageUrl, Instant at) {
        if (linkSentAt != null
                && linkSentAt.plus(java.time.Duration.ofMinutes(10)).isAfter(at)) {
            return false;
        }
        linkSentAt = at;
        outbox.add(PendingEvent.of(
                new SubscriptionLinkSent(
                        charges.get(0), campaignId, id, donor.toEvent(), amount, frequency.name(), manageUrl, at),
                at));
        return true;
    }

    /**
     * The donor gave another payment method: the next charges are taken with it. A suspended gift starts
     * again: the charge that failed last is tried once more now, and the periods that fell due while it was
     * suspended are not charged.
     *
     * @return whether it changed anything (a cancelled gift takes no new method)
     */
    boolean methodChanged(String newMethod, String newMandate, Instant at) {
        if (status == SubscriptionStatus.CANCELLED) {
            return false;
        }
        paymentMethod = newMethod;
        mandate = newMandate;
        if (status == SubscriptionStatus.SUSPENDED) {
            status = SubscriptionStatus.ACTIVE;
            while (!ChargeSchedule.dueAt(startedAt, frequency, nextPeriod).isAfter(at)) {
                nextPeriod++;
            }
            nextChargeAt = ChargeSchedule.dueAt(startedAt, frequency, nextPeriod);
            if (retryPeriod != null) {
                retryAttempt++;
                retryAt = at;
            }
        }
        return true;
    }

    /**
     * Its campaign has ended as planned: the next charges go to the organisation's general fund (ADR 28). The
     * donor of a gift that goes on (active or paused) is told once, with the link to change or stop it; a
     * suspended or stopped gift is only marked.
     */
    void campaignEnded(String manageUrl, Instant at) {
        if (generalFundSince != null) {
            return;
        }
        generalFundSince = at;
        boolean goesOn = status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAUSED;
        if (goesOn && !donor.email().isBlank()) {
            outbox.add(PendingEvent.of(
                    new SubscriptionMovedToGeneralFund(
                            charges.get(0), campaignId, id, donor.toEvent(), amount, frequency.name(), manageUrl, at),
                    at));
        }
    }

    /**
     * A yearly gift's next charge comes within {@code ahead}: the donor is told once for that period, with
     * the link to change or stop it. Monthly gifts are not noticed: their charges are the donor's routine.
     *
     * @return whether a notice goes out
     */
    boolean noticeUpcomingCharge(java.time.Duration ahead, String manageUrl, Instant at) {
        if (!awaitsNotice() || nextChargeAt.isAfter(at.plus(ahead))) {
            return false;
        }
        noticedPeriod = nextPeriod;
        outbox.add(PendingEvent.of(
                new SubscriptionChargeUpcoming(
                        charges.get(0), campaignId, id, donor.toEvent(), amount, nextChargeAt, manageUrl, at),
                at));
        return true;
    }

    /** A yearly gift whose donor was not yet told of its next charge. */
    boolean awaitsNotice() {
        return frequency == Frequency.YEARLY && status == SubscriptionStatus.ACTIVE && noticedPeriod < nextPeriod;
    }

    void changeAmount(Money newAmount) {
        amount = newAmount;
    }

    /** The donor's data goes, at their request; an erased donor is charged no more. */
    void forgetDonor(Instant at) {
        cancel("the donor's data was erased", at);
        donor = new Donor("", "", "", donor.locale());
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public String campaignId() {
        return campaignId;
    }

    public Donor donor() {
        return donor;
    }

    public boolean receiptWanted() {
        return receiptWanted;
    }

    public Money amount() {
        return amount;
    }

    public Frequency frequency() {
        return frequency;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    public ProviderKind provider() {
        return provider;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public SubscriptionStatus status() {
        return status;
    }

    public int nextPeriod() {
        return nextPeriod;
    }

    public Instant nextChargeAt() {
        return nextChargeAt;
    }

    public @Nullable Instant generalFundSince() {
        return generalFundSince;
    }

    public @Nullable String mandate() {
        return mandate;
    }

    public @Nullable Instant pausedUntil() {
        return pausedUntil;
    }

    public @Nullable Integer retryPeriod() {
        return retryPeriod;
    }

    public int retryAttempt() {
        return retryAttempt;
    }

    public @Nullable Instant retryAt() {
        return retryAt;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String cancellationReason() {
        return cancellationReason;
    }

    public List<String> charges() {
        return List.copyOf(charges);
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
