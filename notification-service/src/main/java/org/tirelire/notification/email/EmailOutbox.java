package org.tirelire.notification.email;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/** Queues emails durably; the {@link EmailDispatcher} sends them, whenever the SMTP server is there. */
@Component
public class EmailOutbox {

    private final OutgoingEmails emails;
    private final EmailDispatcher dispatcher;
    private final Clock clock;

    EmailOutbox(OutgoingEmails emails, EmailDispatcher dispatcher, Clock clock) {
        this.emails = emails;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** @return false when this email was queued before (the event was delivered again) */
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

    /** @param sender the association a donor's email comes from; null for the platform's own emails */
    public boolean enqueue(
            String id,
            String to,
            RenderedEmail email,
            Map<String, String> headers,
            List<OutgoingEmail.Attachment> attachments,
            OutgoingEmail.@Nullable Sender sender) {
        try {
            emails.insert(OutgoingEmail.pending(id, to, email, headers, attachments, sender, clock.instant()));
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
        dispatcher.wakeUp();
        return true;
    }

    /**
     * Forgets every email to an address whose owner had their personal data erased; one still waiting
     * is not sent. Emails to the address queued later (a new gift) are kept.
     */
    public int eraseRecipient(String emailSha256) {
        List<OutgoingEmail> toErase = emails.findByToSha256(emailSha256);
        toErase.forEach(email -> emails.save(email.erased(clock.instant())));
        return toErase.size();
    }
}
