package org.tirelire.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

        assertThat(emails.findById(run + ":b")).isPresent();
        assertThat(emails.findById(run + ":c")).isPresent();
        assertThat(emails.findById(run + ":a").orElseThrow().subject()).isEqualTo("Merci, une première fois");
    }

    @Test
    void a_batch_whose_handling_fails_queues_nothing_and_the_next_email_is_queued_at_once() {
        assertThatThrownBy(() -> outbox.queueTogether(() -> {
                    outbox.enqueue(run + ":d", "d@example.org", email("Merci"));
                    throw new IllegalStateException("a record of the batch could not be handled");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(emails.findById(run + ":d")).isEmpty();

        assertThat(outbox.enqueue(run + ":e", "e@example.org", email("Merci"))).isTrue();
        assertThat(emails.findById(run + ":e")).isPresent();
    }

    @Test
    void a_donor_erased_later_in_the_same_batch_has_the_email_asked_for_earlier_stored_erased() {
        String address = "f-" + run + "@example.org";

        outbox.queueTogether(() -> {
            outbox.enqueue(run + ":f", address, email("Merci"));
            assertThat(outbox.eraseRecipient(DonorErased.emailSha256(address))).isEqualTo(1);
        });

        OutgoingEmail stored = emails.findById(run + ":f").orElseThrow();
        assertThat(stored.status()).isEqualTo(OutgoingEmail.Status.ERASED);
        assertThat(stored.to()).isEmpty();
    }

    private static RenderedEmail email(String subject) {
        return new RenderedEmail(subject, "Merci pour votre don.", "<p>Merci pour votre don.</p>");
    }
}
