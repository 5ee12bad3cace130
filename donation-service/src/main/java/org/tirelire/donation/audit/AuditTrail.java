package org.tirelire.donation.audit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.messaging.PendingEvent;
import org.tirelire.kit.security.Organiser;

/**
 * Reports what organisers do here to their organisation's audit log, kept by identity (ADR 24). An action
 * that changes a gift or the payment account puts its report in that document's outbox, written with the
 * change itself ({@link #taken}); one that changes no document of its own is reported on its own ({@link
 * #report}).
 */
@Component
public class AuditTrail {

    private final ReportedActions reported;
    private final AggregateUpdates updates;
    private final Clock clock;

    public AuditTrail(ReportedActions reported, AggregateUpdates updates, Clock clock) {
        this.reported = reported;
        this.updates = updates;
        this.clock = clock;
    }

    /** The report of an action taken now, for the outbox of the document it changes. */
    public OrganisationActionTaken taken(Organiser by, AuditAction action, String target) {
        return new OrganisationActionTaken(
                by.organisationId(), action, by.accountId(), by.email(), target, clock.instant());
    }

    /** An amount as the log shows it, whatever the reader's language: {@code 50.00 EUR}. */
    public static String amount(Money money) {
        return String.format(Locale.ROOT, "%d.%02d %s", money.amount() / 100, money.amount() % 100, money.currency());
    }

    /** Reports an action that changed no document of its own. */
    public void report(Organiser by, AuditAction action, String target) {
        OrganisationActionTaken taken = taken(by, action, target);
        updates.insert(
                reported,
                new ReportedAction(
                        UUID.randomUUID().toString(),
                        taken.organisationId(),
                        taken.takenAt(),
                        List.of(PendingEvent.of(taken, taken.takenAt())),
                        null));
    }
}
