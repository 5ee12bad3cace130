package org.tirelire.notification.email;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.ReceiptCancelled;
import org.tirelire.contracts.events.ReceiptIssued;

/**
 * Sends donors their tax receipts, the PDF attached as issued, and tells them when one is cancelled. A
 * receipt made out to a donor without an email (a gift recorded offline) stays in the register only: the
 * organisation hands it over.
 */
@Component
public class ReceiptEmails {

    private static final Logger log = LoggerFactory.getLogger(ReceiptEmails.class);

    private final EmailOutbox outbox;
    private final EmailTemplates templates;

    ReceiptEmails(EmailOutbox outbox, EmailTemplates templates) {
        this.outbox = outbox;
        this.templates = templates;
    }

    public void issued(ReceiptIssued receipt) {
        if (receipt.donor().email().isBlank()) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("firstName", receipt.donor().firstName());
        variables.put("number", receipt.number());
        variables.put("amount", receipt.amount());
        variables.put("beneficiary", receipt.beneficiaryName());
        variables.put("annual", "ANNUAL".equals(receipt.kind()));
        variables.put("replaces", receipt.replaces());
        variables.put("organisationName", receipt.beneficiaryName());
        boolean queued = outbox.enqueue(
                "receipt:" + receipt.receiptId(),
                receipt.donor().email(),
                templates.render(
                        "receipt",
                        EmailTemplates.localeOf(receipt.donor().locale()),
                        new Object[] {receipt.number(), receipt.beneficiaryName()},
                        variables),
                Map.of(),
                List.of(new OutgoingEmail.Attachment(
                        "recu-fiscal-" + receipt.number() + ".pdf",
                        "application/pdf",
                        Base64.getDecoder().decode(receipt.pdf()))),
                // The receipt is the association's: it comes under its legal name.
                new OutgoingEmail.Sender(receipt.beneficiaryName(), null));
        if (queued) {
            log.info("Receipt {} queued for its donor", receipt.number());
        }
    }

    public void cancelled(ReceiptCancelled receipt) {
        if (receipt.donor().email().isBlank()) {
            return;
        }
        outbox.enqueue(
                "receipt-cancelled:" + receipt.receiptId(),
                receipt.donor().email(),
                templates.render(
                        "receipt-cancelled",
                        EmailTemplates.localeOf(receipt.donor().locale()),
                        new Object[] {receipt.number()},
                        Map.of(
                                "firstName", receipt.donor().firstName(),
                                "number", receipt.number(),
                                "amount", receipt.amount(),
                                "beneficiary", receipt.beneficiaryName(),
                                "reason", receipt.reason(),
                                "organisationName", receipt.beneficiaryName())),
                Map.of(),
                List.of(),
                new OutgoingEmail.Sender(receipt.beneficiaryName(), null));
    }
}
