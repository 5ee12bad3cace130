package org.tirelire.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.OrganisationEvent;
import org.tirelire.contracts.events.ReceiptCancelled;
import org.tirelire.contracts.events.ReceiptIssued;
import org.tirelire.contracts.events.Topics;
import org.tirelire.contracts.money.Money;
import org.tirelire.testing.KafkaTestClient;

/** Donors get their tax receipt with its PDF attached, once, and are told when it is cancelled. */
class ReceiptEmailsIntegrationTest extends NotificationServiceTest {

    private static final EventCodec codec = new EventCodec();
    private static final KafkaTestClient kafka = new KafkaTestClient();
    /** Enough of a PDF for a mail client to open it as one; donation-service draws the real ones. */
    private static final byte[] PDF = "%PDF-1.7\n%reçu\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @AfterAll
    static void stop() throws InterruptedException {
        kafka.close();
    }

    @Test
    void the_donor_receives_the_receipt_pdf_once_and_then_its_cancellation() throws Exception {
        String donor = "ada-" + UUID.randomUUID() + "@example.org";
        String organisationId = "org-" + UUID.randomUUID();
        ReceiptIssued issued = new ReceiptIssued(
                organisationId,
                organisationId + "/R-2026-000012",
                "R-2026-000012",
                "GIFT",
                List.of("don-1"),
                new DonationConfirmed.Donor("Ada", "Lovelace", donor, "fr"),
                Money.of(50_00, "EUR"),
                "Les Restos du Quartier",
                null,
                Base64.getEncoder().encodeToString(PDF),
                Instant.now());

        publish(issued);
        publish(issued);

        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(donor).size() == 1);
        MimeMessage email = messagesTo(donor).get(0);
        assertThat(email.getSubject()).isEqualTo("Votre reçu fiscal R-2026-000012 – Les Restos du Quartier");
        assertThat(textOf(email)).contains("R-2026-000012").contains("Conservez-le trois ans");
        assertThat(((jakarta.mail.internet.InternetAddress) email.getFrom()[0]).getPersonal())
                .as("the receipt comes from the association that issues it")
                .isEqualTo("Les Restos du Quartier");
        assertThat(textOf(email)).contains("Les Restos du Quartier, avec Tirelire");
        BodyPart attachment = attachmentOf(email);
        assertThat(attachment.getFileName()).isEqualTo("recu-fiscal-R-2026-000012.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(PDF);

        publish(new ReceiptCancelled(
                organisationId,
                issued.receiptId(),
                issued.number(),
                issued.donor(),
                issued.amount(),
                issued.beneficiaryName(),
                "le don a été remboursé",
                Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> messagesTo(donor).size() == 2);
        MimeMessage cancellation = messagesTo(donor).get(1);
        assertThat(cancellation.getSubject()).isEqualTo("Votre reçu fiscal R-2026-000012 est annulé");
        assertThat(textOf(cancellation)).contains("le don a été remboursé").contains("ne l’utilisez pas");
    }

    /** The plain-text part, decoded, wherever it is nested. */
    private static String textOf(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                String text = textOf(parts.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static BodyPart attachmentOf(MimeMessage email) throws Exception {
        Multipart parts = (Multipart) email.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(
                    parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment in " + email.getSubject());
    }

    private static void publish(OrganisationEvent event) {
        kafka.send(
                Topics.DONATION_EVENTS,
                event.partitionKey(),
                codec.encode(codec.wrap(event, "/donation-service", event.organisationId(), Instant.now(), null)));
    }
}
