package org.tirelire.donation.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tirelire.donation.audit.ReportedAction;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.payment.account.PaymentAccount;
import org.tirelire.kit.messaging.OutboxSource;

@Configuration
class DonationOutbox {

    /** A donation's events have the donation as subject and its campaign as record key, for per-campaign order. */
    @Bean
    OutboxSource donationEventsOutbox() {
        return new OutboxSource(Donation.class);
    }

    /** A payment account is an organisation's: its events are keyed by the organisation. */
    @Bean
    OutboxSource paymentAccountEventsOutbox() {
        return new OutboxSource(PaymentAccount.class);
    }

    /** What organisers did that changed no document of its own, reported to the audit log (ADR 24). */
    @Bean
    OutboxSource reportedActionsOutbox() {
        return new OutboxSource(ReportedAction.class);
    }
}
