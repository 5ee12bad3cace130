package org.tirelire.notification.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.tirelire.kit.store.NewDocuments;

/**
 * Queues emails durably; the {@link EmailDispatcher} sends them, whenever the SMTP server is there. The
 * emails of a batch of events ({@link #queueTogether}) are inserted in one command at its end: one write
 * for a poll's thank-yous rather than one a gift.
 */
@Component
public class EmailOutbox {

    private static final Logger log = LoggerFactory.getLogger(EmailOutbox.class);

    private final OutgoingEmails emails;
    private final SentEmails sentEmails;
    private final MongoTemplate mongo;
    private final EmailDispatcher dispatcher;
    private final Clock clock;
    /** The emails of the batch this thread is handling, if it handles one. */
    private final ThreadLocal<List<OutgoingEmail>> batch = new ThreadLocal<>();

    EmailOutbox(
            OutgoingEmails emails,
            SentEmails sentEmails,
            MongoTemplate mongo,
            EmailDispatcher dispatcher,
            Clock clock) {
        this.emails = emails;
        this.sentEmails = sentEmails;
        this.mongo = mongo;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Runs the handling of a batch of events, and queues the emails it asked for together at its end, in
     * one insert. One queued before (the event delivered again) stays as it was, as with {@link #enqueue}.
     * If the handling fails, none is queued, and the batch comes again.
     */
    public void queueTogether(Runnable handling) {
        if (batch.get() != null) {
            handling.run(); // already inside a poll: its emails join that poll's
            return;
        }
        List<OutgoingEmail> queued = new ArrayList<>();
        batch.set(queued);
        try {
            handling.run();
        } finally {
            batch.remove();
        }
        insertAll(queued);
    }

    /**
     * @return false when this email was queued before (the event was delivered again); always true within
     *     {@link #queueTogether}, whose end says how many it queued
     */
    public boolean enqueue(String id, String to, RenderedEmail email) {
        return enqueue(id, to, email, Map.of());
    }

    /** @param headers extra mail headers, such as {@code List-Unsubscribe} */
    public boolean enqueue(String id, String to, RenderedEmail email, Map<String, String> headers) {
        return enqueue(id, to, email, headers, List.of());
    }

    /** @param attachments files sent with the email; kept with it until it is sent */
    public boolean enqueue(
            String id,
            String to,
            RenderedEmail email,
            Map<String, String> headers,
            List<OutgoingEmail.Attachment> attachments) {
        return enqueue(id, to, email, headers, attachments, null);
    }

    /**
     * @param sender the association a donor's email comes from; null for the platform's own emails
     * @return false when this email was queued before; always true within {@link #queueTogether}, where that
     *     is known only at the batch's end
     */
    public boolean enqueue(
            String id,
            String to,
            RenderedEmail email,
            Map<String, String> headers,
            List<OutgoingEmail.Attachment> attachments,
            OutgoingEmail.@Nullable Sender sender) {
        OutgoingEmail pending = OutgoingEmail.pending(id, to, email, headers, attachments, sender, clock.instant());
        List<OutgoingEmail> together = batch.get();
        if (together != null) {
            together.add(pending);
            return true;
        }
        if (sentEmails.contains(id)) {
            return false;
        }
        try {
            emails.insert(pending);
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
        dispatcher.wakeUp();
        return true;
    }

    /**
     * Unordered, so that an email queued before does not keep the others out. One sent already is left out:
     * it is no longer in the queue to collide with. One whose sending is recorded between that read and the
     * insert is queued again, and the dispatcher, finding it sent, takes it out unsent (ADR 48).
     */
    private void insertAll(List<OutgoingEmail> queued) {
        if (queued.isEmpty()) {
            return;
        }
        Set<String> sentBefore =
                sentEmails.amongIds(queued.stream().map(OutgoingEmail::id).toList());
        List<OutgoingEmail> notSent = new ArrayList<>();
        for (OutgoingEmail email : queued) {
            if (email.status() == OutgoingEmail.Status.ERASED) {
                sentEmails.recordErased(email); // its donor erased later in the batch: never to be sent
            } else if (!sentBefore.contains(email.id())) {
                notSent.add(email);
            }
        }
        int queuedBefore =
                NewDocuments.insert(mongo, OutgoingEmail.class, notSent).size();
        log.debug(
                "{} emails queued together, {} of them queued before, {} sent before",
                queued.size(),
                queuedBefore,
                sentBefore.size());
        dispatcher.wakeUp();
    }

    /**
     * Forgets every email to an address whose owner had their personal data erased; one still waiting
     * is not sent. Emails to the address queued later (a new gift) are kept.
     */
    public int eraseRecipient(String emailSha256) {
        int erasedInBatch = 0;
        List<OutgoingEmail> together = batch.get();
        // An email asked for earlier in the same batch is not stored yet: it is stored erased.
        for (int i = 0; together != null && i < together.size(); i++) {
            if (emailSha256.equals(together.get(i).toSha256())) {
                together.set(i, together.get(i).erased(clock.instant()));
                erasedInBatch++;
            }
        }
        // A waiting one leaves the queue, erased; it is recorded erased before it leaves, so that it is never
        // missing from both collections (its event delivered again would queue it anew).
        List<OutgoingEmail> waiting = emails.findByToSha256(emailSha256);
        waiting.forEach(email -> {
            sentEmails.recordErased(email.erased(clock.instant()));
            emails.deleteById(email.id());
        });
        List<OutgoingEmail> sent = sentEmails.toRecipient(emailSha256);
        sent.forEach(email -> sentEmails.recordErased(email.erased(clock.instant())));
        return waiting.size() + sent.size() + erasedInBatch;
    }
}
