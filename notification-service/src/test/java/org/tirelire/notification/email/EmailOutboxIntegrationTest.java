package org.tirelire.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.notification.NotificationServiceTest;

/**
 * The emails of a batch of events are queued in one insert at its end: every one of them, an email queued
 * before left as it was (the event delivered again), one whose donor was erased later in the batch stored
 * erased, and none when the batch's handling fails, since the batch then comes again.
 */
class EmailOutboxIntegrationTest extends NotificationServiceTest {

    @Autowired
    EmailOutbox outbox;

    @Autowired
    OutgoingEmails emails;

    @Autowired
    SentEmailsMove move;

    @Autowired
    EmailDispatcher dispatcher;

    @Autowired
    SentEmails sentEmails;

    @Autowired
    MongoTemplate mongo;

    private final String run = UUID.randomUUID().toString();

    @Test
    void a_batch_s_emails_are_queued_together_at_its_end_and_one_queued_before_stays_as_it_was() {
        outbox.enqueue(run + ":a", "a@example.org", email("Merci, une première fois"));

        outbox.queueTogether(() -> {
            outbox.enqueue(run + ":b", "b@example.org", email("Merci"));
            outbox.enqueue(run + ":a", "a@example.org", email("Merci, une seconde fois"));
            outbox.enqueue(run + ":c", "c@example.org", email("Merci"));
            assertThat(emails.findById(run + ":b"))
                    .as("queued at the batch's end")
                    .isEmpty();
        });

        // The dispatcher may have sent them already: queued, or gone to the sent ones.
        assertThat(queuedOrSent(run + ":b")).isPresent();
        assertThat(queuedOrSent(run + ":c")).isPresent();
        assertThat(queuedOrSent(run + ":a").orElseThrow().subject()).isEqualTo("Merci, une première fois");
    }

    @Test
    void a_batch_whose_handling_fails_queues_nothing_and_the_next_email_is_queued_at_once() {
        assertThatThrownBy(() -> outbox.queueTogether(() -> {
                    outbox.enqueue(run + ":d", "d@example.org", email("Merci"));
                    throw new IllegalStateException("a record of the batch could not be handled");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(queuedOrSent(run + ":d")).isEmpty();

        assertThat(outbox.enqueue(run + ":e", "e@example.org", email("Merci"))).isTrue();
        assertThat(queuedOrSent(run + ":e")).isPresent();
    }

    @Test
    void a_donor_erased_later_in_the_same_batch_has_the_email_asked_for_earlier_stored_erased() {
        String address = "f-" + run + "@example.org";

        outbox.queueTogether(() -> {
            outbox.enqueue(run + ":f", address, email("Merci"));
            assertThat(outbox.eraseRecipient(DonorErased.emailSha256(address))).isEqualTo(1);
        });

        assertThat(emails.findById(run + ":f")).as("not in the queue").isEmpty();
        OutgoingEmail stored = mongo.findById(run + ":f", OutgoingEmail.class, SentEmails.COLLECTION);
        assertThat(stored.status()).isEqualTo(OutgoingEmail.Status.ERASED);
        assertThat(stored.to()).isEmpty();
    }

    @Test
    void an_email_sent_already_is_not_queued_again_when_its_event_comes_again() {
        String address = "g-" + run + "@example.org";
        outbox.enqueue(run + ":g", address, email("Merci"));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> emails.findById(run + ":g").isEmpty());
        assertThat(mongo.findById(run + ":g", OutgoingEmail.class, SentEmails.COLLECTION)
                        .status())
                .isEqualTo(OutgoingEmail.Status.SENT);

        assertThat(outbox.enqueue(run + ":g", address, email("Merci"))).isFalse();
        outbox.queueTogether(() -> {
            outbox.enqueue(run + ":g", address, email("Merci"));
            outbox.enqueue(run + ":h", "h@example.org", email("Merci"));
        });

        assertThat(emails.findById(run + ":g"))
                .as("the event's poll delivered again")
                .isEmpty();
        assertThat(queuedOrSent(run + ":h"))
                .as("the poll's other email, queued or sent by now")
                .isPresent();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> messagesTo(address).size() == 1);
    }

    @Test
    void a_send_recorded_after_its_recipient_was_erased_leaves_the_email_erased() {
        OutgoingEmail email = OutgoingEmail.pending(
                run + ":m", "m@example.org", email("Merci"), Map.of(), List.of(), null, Instant.now());
        sentEmails.recordErased(email.erased(Instant.now()));

        sentEmails.recordSent(email.sent(Instant.now())); // a send that was under way when the erasure came

        OutgoingEmail kept = mongo.findById(run + ":m", OutgoingEmail.class, SentEmails.COLLECTION);
        assertThat(kept.status()).isEqualTo(OutgoingEmail.Status.ERASED);
        assertThat(kept.to()).isEmpty();
        assertThat(kept.html()).isEmpty();
    }

    @Test
    void an_email_recorded_sent_by_a_move_stopped_half_way_leaves_the_queue_unsent() {
        String address = "l-" + run + "@example.org";
        OutgoingEmail email =
                OutgoingEmail.pending(run + ":l", address, email("Merci"), Map.of(), List.of(), null, Instant.now());
        mongo.save(email.sent(Instant.now()), SentEmails.COLLECTION);
        emails.insert(email); // the move stopped after its record, before taking it out of the queue

        dispatcher.dispatchDue();

        await().atMost(Duration.ofSeconds(5))
                .until(() -> emails.findById(run + ":l").isEmpty());
        assertThat(messagesTo(address)).isEmpty();
    }

    @Test
    void emails_an_earlier_version_kept_in_the_queue_once_sent_or_erased_are_moved_out_of_it() {
        Instant then = Instant.parse("2026-11-01T10:00:00Z");
        OutgoingEmail waiting = OutgoingEmail.pending(
                run + ":i",
                "i@example.org",
                email("Merci"),
                Map.of(),
                List.of(),
                null,
                Instant.now().plusSeconds(3600));
        OutgoingEmail sent = OutgoingEmail.pending(
                        run + ":j", "j@example.org", email("Merci"), Map.of(), List.of(), null, then)
                .sent(then);
        OutgoingEmail erased = OutgoingEmail.pending(
                        run + ":k", "k@example.org", email("Merci"), Map.of(), List.of(), null, then)
                .erased(then);
        emails.insert(List.of(waiting, sent, erased));

        assertThat(move.moveAll()).isGreaterThanOrEqualTo(2);

        assertThat(emails.findById(run + ":i")).as("still waiting").isPresent();
        assertThat(emails.findById(run + ":j")).isEmpty();
        assertThat(emails.findById(run + ":k")).isEmpty();
        assertThat(mongo.findById(run + ":j", OutgoingEmail.class, SentEmails.COLLECTION))
                .extracting(OutgoingEmail::status, OutgoingEmail::sentAt, OutgoingEmail::subject)
                .containsExactly(OutgoingEmail.Status.SENT, then, "Merci");
        assertThat(mongo.findById(run + ":k", OutgoingEmail.class, SentEmails.COLLECTION)
                        .status())
                .isEqualTo(OutgoingEmail.Status.ERASED);
        assertThat(outbox.enqueue(run + ":j", "j@example.org", email("Merci")))
                .as("its event delivered again")
                .isFalse();
    }

    private Optional<OutgoingEmail> queuedOrSent(String id) {
        return emails.findById(id)
                .or(() -> Optional.ofNullable(mongo.findById(id, OutgoingEmail.class, SentEmails.COLLECTION)));
    }

    private static RenderedEmail email(String subject) {
        return new RenderedEmail(subject, "Merci pour votre don.", "<p>Merci pour votre don.</p>");
    }
}
