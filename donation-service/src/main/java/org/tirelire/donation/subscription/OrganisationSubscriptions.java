package org.tirelire.donation.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.DonationStatus;
import org.tirelire.donation.donation.Frequency;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.web.FrenchCsv;

/**
 * An organisation's recurring gifts as its treasurer sees them: each with its donor and status, what they
 * bring in each month (the monthly recurring revenue, a yearly gift counting for a twelfth), what the
 * charges actually brought over the last twelve months, a CSV export, and a cancellation on a donor's
 * request.
 */
@Component
public class OrganisationSubscriptions {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ChargeSchedule.ORGANISATION_ZONE);

    private final SubscriptionRepository subscriptions;
    private final DonationRepository donations;
    private final AggregateUpdates updates;
    private final AuditTrail auditTrail;
    private final Clock clock;

    OrganisationSubscriptions(
            SubscriptionRepository subscriptions,
            DonationRepository donations,
            AggregateUpdates updates,
            AuditTrail auditTrail,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.donations = donations;
        this.updates = updates;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * @param monthlyRecurringRevenue what the active gifts bring in a month, yearly ones for a twelfth
     * @param receivedByMonth what the charges brought, by month ({@code 2026-11}), the last twelve months
     */
    public record Overview(
            Money monthlyRecurringRevenue,
            Map<String, Money> receivedByMonth,
            List<Line> subscriptions,
            GeneralFundTotal generalFund) {}

    /**
     * What the organisation's general fund received: the charges of recurring gifts whose campaign ended,
     * and offline gifts recorded to it. Its gifts are listed like a campaign's, under {@code id}.
     */
    public record GeneralFundTotal(String id, Money raised, int gifts) {}

    /** One recurring gift of the list. */
    public record Line(
            String id,
            SubscriptionStatus status,
            String firstName,
            String lastName,
            String email,
            Money amount,
            Frequency frequency,
            String campaignId,
            Instant startedAt,
            @Nullable Instant nextChargeAt,
            int charges) {

        static Line of(Subscription subscription) {
            boolean charging = subscription.status() == SubscriptionStatus.ACTIVE;
            return new Line(
                    subscription.id(),
                    subscription.status(),
                    subscription.donor().firstName(),
                    subscription.donor().lastName(),
                    subscription.donor().email(),
                    subscription.amount(),
                    subscription.frequency(),
                    subscription.campaignId(),
                    subscription.startedAt(),
                    charging ? subscription.nextChargeAt() : null,
                    subscription.charges().size());
        }
    }

    public Overview overview(String organisationId, String currency) {
        List<Subscription> all = subscriptions.findByOrganisationIdOrderByStartedAtDesc(organisationId);
        long monthly = all.stream()
                .filter(subscription -> subscription.status() == SubscriptionStatus.ACTIVE)
                .filter(subscription -> subscription.amount().currency().equals(currency))
                .mapToLong(subscription -> subscription.frequency() == Frequency.YEARLY
                        ? subscription.amount().amount() / 12
                        : subscription.amount().amount())
                .sum();
        YearMonth thisMonth = YearMonth.from(clock.instant().atZone(ChargeSchedule.ORGANISATION_ZONE));
        Map<String, Money> received = new LinkedHashMap<>();
        for (int back = 11; back >= 0; back--) {
            received.put(thisMonth.minusMonths(back).toString(), Money.of(0, currency));
        }
        Instant from = thisMonth
                .minusMonths(11)
                .atDay(1)
                .atStartOfDay(ChargeSchedule.ORGANISATION_ZONE)
                .toInstant();
        for (Donation charge : donations.findByOrganisationIdAndStatusAndSubscriptionIdNotNullAndConfirmedAtBetween(
                organisationId, DonationStatus.CONFIRMED, from, clock.instant())) {
            if (charge.amount().currency().equals(currency)) {
                received.computeIfPresent(
                        YearMonth.from(charge.confirmedAt().atZone(ChargeSchedule.ORGANISATION_ZONE))
                                .toString(),
                        (month, sum) -> sum.plus(charge.amount()));
            }
        }
        return new Overview(
                Money.of(monthly, currency),
                received,
                all.stream().map(Line::of).toList(),
                generalFund(organisationId, currency));
    }

    private GeneralFundTotal generalFund(String organisationId, String currency) {
        String fund = GeneralFund.of(organisationId);
        List<Donation> gifts = donations.findByCampaignIdAndStatus(fund, DonationStatus.CONFIRMED).stream()
                .filter(gift -> gift.amount().currency().equals(currency))
                .toList();
        return new GeneralFundTotal(
                fund,
                Money.of(
                        gifts.stream().mapToLong(gift -> gift.amount().amount()).sum(), currency),
                gifts.size());
    }

    public byte[] csv(Organiser by) {
        List<Line> lines = subscriptions.findByOrganisationIdOrderByStartedAtDesc(by.organisationId()).stream()
                .map(Line::of)
                .toList();
        auditTrail.report(by, AuditAction.SUBSCRIPTIONS_EXPORTED, "regular gifts as CSV, " + lines.size() + " row(s)");
        return FrenchCsv.write(
                List.of(
                        "Don régulier",
                        "Statut",
                        "Prénom",
                        "Nom",
                        "Email",
                        "Montant",
                        "Devise",
                        "Fréquence",
                        "Depuis",
                        "Prochain paiement",
                        "Paiements"),
                lines.stream()
                        .map(line -> List.of(
                                line.id(),
                                line.status().name(),
                                line.firstName(),
                                line.lastName(),
                                line.email(),
                                FrenchCsv.decimal(line.amount().amount()),
                                line.amount().currency(),
                                line.frequency().name(),
                                DATE.format(line.startedAt()),
                                line.nextChargeAt() == null ? "" : DATE.format(line.nextChargeAt()),
                                String.valueOf(line.charges())))
                        .toList());
    }

    /** A donor asked the organisation to stop their gift; another organisation's does not exist for it. */
    public Line cancel(Organiser by, String subscriptionId) {
        Subscription subscription = subscriptions
                .findById(subscriptionId)
                .filter(found -> found.organisationId().equals(by.organisationId()))
                .orElseThrow(SubscriptionNotFound::new);
        Subscription cancelled = updates.update(subscriptions, subscription.id(), SubscriptionNotFound::new, found -> {
            if (found.cancel("cancelled by the organisation at the donor's request", clock.instant())) {
                found.report(auditTrail.taken(
                        by,
                        AuditAction.SUBSCRIPTION_CANCELLED,
                        "regular gift " + found.id() + " of " + AuditTrail.amount(found.amount())));
            }
            return found;
        });
        return Line.of(cancelled);
    }
}
