package org.tirelire.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tirelire.notification.NotificationServiceTest;

/** A sent email's recipient and content, a tax receipt included, are kept 90 days; its id for good (ADR 50). */
class SentEmailsRetentionIntegrationTest extends NotificationServiceTest {

    @Autowired
    SentEmailsRetention retention;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    MongoTemplate mongo;

    private final String run = UUID.randomUUID().toString();

    @Test
    void
            what_an_email_said_and_to_whom_is_forgotten_ninety_days_after_it_went_and_its_event_still_sends_nothing_twice() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant ninetyOneDaysAgo = now.minus(Duration.ofDays(91));
        OutgoingEmail receipt = OutgoingEmail.pending(
                        run + ":receipt",
                        "lea@example.org",
                        email("Votre reçu fiscal"),
                        Map.of("List-Unsubscribe", "<https://dons.example.org/unsubscribe>"),
                        List.of(new OutgoingEmail.Attachment(
                                "recu.pdf", "application/pdf", new byte[] {37, 80, 68, 70})),
                        new OutgoingEmail.Sender("Les Amis du Canal", "contact@amis-du-canal.example.org"),
                        ninetyOneDaysAgo)
                .sent(ninetyOneDaysAgo);
        Instant eightyNineDaysAgo = now.minus(Duration.ofDays(89));
        OutgoingEmail recent = OutgoingEmail.pending(
                        run + ":thanks",
                        "paul@example.org",
                        email("Merci"),
                        Map.of(),
                        List.of(),
                        null,
                        eightyNineDaysAgo)
                .sent(eightyNineDaysAgo);
        mongo.insert(receipt, SentEmails.COLLECTION);
        mongo.insert(recent, SentEmails.COLLECTION);

        retention.forgetWhatOldEmailsSaid();

        OutgoingEmail forgotten = mongo.findById(run + ":receipt", OutgoingEmail.class, SentEmails.COLLECTION);
        assertThat(forgotten.status()).isEqualTo(OutgoingEmail.Status.SENT);
        assertThat(forgotten.sentAt()).isEqualTo(ninetyOneDaysAgo);
        assertThat(List.of(forgotten.to(), forgotten.subject(), forgotten.text(), forgotten.html()))
                .containsOnly("");
        assertThat(forgotten.toSha256()).isNull();
        assertThat(forgotten.attachments()).as("the receipt's PDF").isNull();
        assertThat(forgotten.headers()).isNull();
        assertThat(forgotten.sender()).isNull();
        assertThat(mongo.findById(run + ":thanks", OutgoingEmail.class, SentEmails.COLLECTION))
                .as("sent 89 days ago: kept whole")
                .extracting(OutgoingEmail::to, OutgoingEmail::subject)
                .containsExactly("paul@example.org", "Merci");
        assertThat(outbox.enqueue(run + ":receipt", "lea@example.org", email("Votre reçu fiscal")))
                .as("its event delivered again")
                .isFalse();
    }

    private static RenderedEmail email(String subject) {
        return new RenderedEmail(subject, "Merci pour votre don.", "<p>Merci pour votre don.</p>");
    }
}
