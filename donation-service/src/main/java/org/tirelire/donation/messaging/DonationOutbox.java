package org.tirelire.donation.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tirelire.donation.audit.ReportedAction;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.payment.account.PaymentAccount;
import org.tirelire.donation.receipt.Receipt;
import org.tirelire.donation.receipt.ReceiptSettings;
import org.tirelire.donation.subscription.Subscription;
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

    /** Receipt settings are an organisation's: the audit report of their change is keyed by it. */
    @Bean
    OutboxSource receiptSettingsOutbox() {
        return new OutboxSource(ReceiptSettings.class);
    }

    /** A receipt is announced to its donor, and its cancellation too, keyed by its organisation. */
    @Bean
    OutboxSource receiptsOutbox() {
        return new OutboxSource(Receipt.class);
    }

    /** A recurring gift's events are about its campaign's gifts: keyed by the campaign, like theirs. */
    @Bean
    OutboxSource subscriptionsOutbox() {
        return new OutboxSource(Subscription.class);
    }

    /** What organisers did that changed no document of its own, reported to the audit log (ADR 24). */
    @Bean
    OutboxSource reportedActionsOutbox() {
        return new OutboxSource(ReportedAction.class);
    }
}
