package org.tirelire.donation.subscription;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationLimits;
import org.tirelire.donation.donation.DonationRefused;
import org.tirelire.donation.donation.Frequency;
import org.tirelire.donation.donation.RecurringGifts;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentProviders;
import org.tirelire.donation.payment.SavedMethodChanges;
import org.tirelire.kit.links.LinkSignatures;
import org.tirelire.kit.messaging.AggregateUpdates;

/**
 * Recurring gifts as their donors see them: started by a first charge, managed without an account
 * through a signed link (see the subscription, change the amount, pause, cancel), and told apart from
 * one-off gifts by the charges they are made of.
 */
@Component
public class Subscriptions implements RecurringGifts, SavedMethodChanges {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

    private final SubscriptionRepository subscriptions;
    private final AggregateUpdates updates;
    private final LinkSignatures links;
    private final DonationLimits limits;
    private final PaymentProviders providers;
    private final String publicBaseUrl;
    private final Duration linkValidity;
    private final Clock clock;

    Subscriptions(
            SubscriptionRepository subscriptions,
            AggregateUpdates updates,
            MongoTemplate mongo,
            DonationLimits limits,
            PaymentProviders providers,
            @Value("${tirelire.donations.public-base-url}") String publicBaseUrl,
            @Value("${tirelire.subscriptions.link-validity:90d}") Duration linkValidity,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.updates = updates;
        this.links = new LinkSignatures(mongo, "subscription-link-secret");
        this.limits = limits;
        this.providers = providers;
        this.publicBaseUrl = publicBaseUrl;
        this.linkValidity = linkValidity;
        this.clock = clock;
    }

    @Override
    public void start(Donation firstCharge, Frequency frequency) {
        String id = RecurringGifts.subscriptionIdOf(firstCharge.id());
        if (subscriptions.existsById(id)) {
            return;
        }
        try {
            updates.insert(
                    subscriptions,
                    Subscription.startedBy(
                            id,
                            firstCharge.organisationId(),
                            firstCharge.campaignId(),
                            firstCharge.donor(),
                            firstCharge.receiptWanted(),
                            firstCharge.amount(),
                            frequency,
                            firstCharge.paymentMethod(),
                            firstCharge.paymentProvider(),
                            firstCharge.id(),
                            manageLinkOf(id).toString(),
                            firstCharge.createdAt()));
            log.info("Subscription {} started, {} {}", id, frequency, firstCharge.amount());
        } catch (DuplicateKeyException startedMeanwhile) {
            // a twin request started it a moment ago
        }
    }

    @Override
    public @Nullable URI manageLinkFor(Donation charge) {
        if (charge.subscriptionId() == null) {
            return null;
        }
        return manageLinkOf(charge.subscriptionId());
    }

    private URI manageLinkOf(String subscriptionId) {
        return URI.create(publicBaseUrl + "/subscriptions/" + subscriptionId + "?token="
                + links.expiringToken(subject(subscriptionId), clock.instant().plus(linkValidity)));
    }

    /** The subscription a donor's link opens; forged, expired or another's: refused. */
    public Subscription opened(String id, @Nullable String token) {
        if (!links.admits(subject(id), token, clock.instant())) {
            throw new SubscriptionLinkRefused();
        }
        return subscriptions.findById(id).orElseThrow(SubscriptionLinkRefused::new);
    }

    /**
     * Emails a fresh link for each recurring gift still running from this address. Whether there is one is
     * never said to whoever asks: the answer is the same either way.
     */
    public void sendLinks(String email) {
        for (Subscription subscription :
                subscriptions.findByDonorEmailIgnoreCaseAndStatusNot(email.strip(), SubscriptionStatus.CANCELLED)) {
            change(
                    subscription.id(),
                    found -> found.sendLink(manageLinkOf(found.id()).toString(), clock.instant()));
        }
    }

    public Subscription cancel(String id, @Nullable String token) {
        opened(id, token);
        return change(id, subscription -> subscription.cancel("cancelled by the donor", clock.instant()));
    }

    /** @param months 1 to 3: the charges that fall due meanwhile are not taken */
    public Subscription pause(String id, @Nullable String token, int months) {
        Subscription subscription = opened(id, token);
        if (subscription.status() == SubscriptionStatus.CANCELLED
                || subscription.status() == SubscriptionStatus.SUSPENDED) {
            throw new SubscriptionNotChangeable(
                    "A " + subscription.status().name().toLowerCase() + " gift cannot be paused");
        }
        java.time.Instant until = clock.instant()
                .atZone(ChargeSchedule.ORGANISATION_ZONE)
                .plusMonths(months)
                .toInstant();
        return change(id, opened -> opened.pause(until));
    }

    public Subscription changeAmount(String id, @Nullable String token, Money amount) {
        Subscription subscription = opened(id, token);
        if (subscription.status() == SubscriptionStatus.CANCELLED) {
            throw new SubscriptionNotChangeable("A cancelled gift cannot change");
        }
        if (!amount.currency().equals(subscription.amount().currency())) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount.currency",
                    "This gift is in " + subscription.amount().currency() + ", not " + amount.currency());
        }
        if (amount.amount() < limits.min() || amount.amount() > limits.max()) {
            throw new DonationRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "amount.amount",
                    "A gift must be between " + limits.min() + " and " + limits.max() + " minor units");
        }
        return change(id, opened -> opened.changeAmount(amount));
    }

    /**
     * Tells the donors of yearly gifts whose charge falls within {@code ahead} (once per charge, also with
     * several instances: the subscription's version settles a race).
     *
     * @return how many were told
     */
    public int noticeUpcomingYearlyCharges(Duration ahead) {
        java.time.Instant now = clock.instant();
        List<Subscription> untold = subscriptions
                .findByFrequencyAndStatusAndNextChargeAtBetween(
                        Frequency.YEARLY, SubscriptionStatus.ACTIVE, now, now.plus(ahead))
                .stream()
                .filter(Subscription::awaitsNotice)
                .toList();
        for (Subscription upcoming : untold) {
            change(
                    upcoming.id(),
                    found -> found.noticeUpcomingCharge(
                            ahead, manageLinkOf(found.id()).toString(), now));
        }
        return untold.size();
    }

    /** What a change of method started: done, or to finish on the provider's page the donor is sent to. */
    public record MethodChangeStarted(
            Subscription subscription, @Nullable URI redirect) {}

    /**
     * The donor gives another payment method, from their page: one of the methods of the organisation's
     * provider. The sandbox takes it at once; Stripe sends the donor to its page to give the card or sign
     * the new debit mandate, and its webhook brings the new method back ({@link #methodSaved}).
     */
    public MethodChangeStarted changeMethod(String id, @Nullable String token, String paymentMethod) {
        Subscription subscription = opened(id, token);
        if (subscription.status() == SubscriptionStatus.CANCELLED) {
            throw new SubscriptionNotChangeable("A cancelled gift cannot change");
        }
        PaymentProvider provider = providers.forOrganisation(subscription.organisationId());
        DonationRefused.unlessTakenBy(provider, paymentMethod);
        PaymentProvider.MethodChange change = provider.changeSavedMethod(
                new PaymentProvider.MethodChangeRequest(id, paymentMethod, subscription.mandate(), manageLinkOf(id)));
        if (change instanceof PaymentProvider.MethodChange.Saved saved) {
            methodSaved(id, paymentMethod, saved.mandate());
            return new MethodChangeStarted(subscriptions.findById(id).orElseThrow(), null);
        }
        if (change instanceof PaymentProvider.MethodChange.OnProviderPage page) {
            return new MethodChangeStarted(subscription, page.redirect());
        }
        throw new DonationRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "paymentMethod",
                ((PaymentProvider.MethodChange.Declined) change).reason());
    }

    @Override
    public Optional<String> organisationOf(String subscriptionId) {
        return subscriptions.findById(subscriptionId).map(Subscription::organisationId);
    }

    @Override
    public void methodSaved(String subscriptionId, String paymentMethod, String mandate) {
        changeIfThere(subscriptionId, subscription -> {
            if (subscription.methodChanged(paymentMethod, mandate, clock.instant())) {
                log.info("Subscription {} is now charged with a new {} method", subscriptionId, paymentMethod);
            }
        });
    }

    /** A charge of a subscription failed: it is retried, or the gift suspended or ended (see {@link Subscription}). */
    public void chargeFailed(Donation charge) {
        if (charge.subscriptionId() == null) {
            return;
        }
        changeIfThere(charge.subscriptionId(), subscription -> {
            if (subscription.chargeFailed(
                    charge.id(),
                    charge.chargePeriod(),
                    charge.chargeAttempt(),
                    manageLinkOf(subscription.id()).toString(),
                    clock.instant())) {
                log.info(
                        "Charge {} of subscription {} (period {}, attempt {}) failed: now {}",
                        charge.id(),
                        subscription.id(),
                        charge.chargePeriod(),
                        charge.chargeAttempt(),
                        subscription.status());
            }
        });
    }

    /**
     * A campaign ended as planned at {@code endedAt}: each of its regular gifts goes on for the general fund
     * (ADR 28), and its donor is told now rather than by the next thank-you. Hearing it again moves nothing
     * and tells no one twice.
     *
     * @return how many gifts moved now
     */
    public int passToGeneralFund(String campaignId, Instant endedAt) {
        int moved = 0;
        for (Subscription subscription :
                subscriptions.findByCampaignIdAndStatusNot(campaignId, SubscriptionStatus.CANCELLED)) {
            if (subscription.generalFundSince() == null) {
                moveToGeneralFund(subscription.id(), endedAt);
                moved++;
            }
        }
        return moved;
    }

    /** The gift's next charge found its campaign ended before the campaign's end was heard here. */
    public Subscription campaignEndedBeforeCharge(Subscription subscription) {
        return moveToGeneralFund(subscription.id(), clock.instant());
    }

    private Subscription moveToGeneralFund(String subscriptionId, Instant endedAt) {
        return change(
                subscriptionId,
                found -> found.campaignEnded(manageLinkOf(subscriptionId).toString(), endedAt));
    }

    /**
     * A campaign closed without keeping its gifts (cancelled, or short of its all-or-nothing goal): every
     * gift is refunded, and its regular gifts stop rather than go on for the general fund.
     *
     * @return how many stopped
     */
    public int stopAllFor(String campaignId) {
        List<Subscription> running =
                subscriptions.findByCampaignIdAndStatusNot(campaignId, SubscriptionStatus.CANCELLED);
        for (Subscription subscription : running) {
            change(
                    subscription.id(),
                    found -> found.cancel(
                            "the campaign was cancelled or missed its goal: gifts refunded", clock.instant()));
        }
        return running.size();
    }

    /** A charge's donor had their data erased: each of their recurring gifts stops, and forgets them. */
    public void donorErased(Donation charge) {
        if (charge.subscriptionId() != null) {
            changeIfThere(charge.subscriptionId(), subscription -> subscription.forgetDonor(clock.instant()));
        }
    }

    public void chargeSucceeded(Donation charge) {
        if (charge.subscriptionId() != null) {
            changeIfThere(
                    charge.subscriptionId(),
                    subscription -> subscription.chargeSucceeded(charge.chargePeriod(), charge.paymentReference()));
        }
    }

    private Subscription change(String id, java.util.function.Consumer<Subscription> change) {
        return updates.update(subscriptions, id, SubscriptionLinkRefused::new, subscription -> {
            change.accept(subscription);
            return subscription;
        });
    }

    private void changeIfThere(String id, java.util.function.Consumer<Subscription> change) {
        Optional<Subscription> found = subscriptions.findById(id);
        if (found.isPresent()) {
            change(id, change);
        }
    }

    private static String subject(String subscriptionId) {
        return "subscription:" + subscriptionId;
    }
}
