package org.tirelire.notification.email;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.DonorErased;
import org.tirelire.kit.tracing.Traces;
import org.tirelire.notification.campaign.CampaignSummary;

/**
 * An email waiting to go out, in {@code outgoing_emails}, or gone, in {@link SentEmails}. Its id is derived
 * from the event that caused it, so the same event delivered twice finds the email already there and
 * nothing is sent twice.
 */
@Document("outgoing_emails")
public record OutgoingEmail(
        @Id String id,
        String to,
        @Nullable @Indexed String toSha256,
        String subject,
        String text,
        String html,
        @Nullable Map<String, String> headers,
        @Indexed Status status,
        int attempts,
        Instant createdAt,
        @Indexed Instant nextAttemptAt,
        @Nullable Instant sentAt,
        @Nullable String lastError,
        @Nullable List<Attachment> attachments,
        @Nullable String traceparent,
        @Nullable Sender sender) {

    /**
     * Who a donor's email comes from: the association's name as the sender's display name (the address stays
     * the platform's, which the mail servers vouch for), and its contact address for replies.
     */
    public record Sender(String name, @Nullable String replyTo) {

        /**
         * The association of this campaign, replies to its organiser; null, so the platform, when its name is
         * not known (a campaign published before its events carried it).
         */
        public static @Nullable Sender forDonorsOf(CampaignSummary campaign) {
            return campaign.organisationName() == null
                            || campaign.organisationName().isBlank()
                    ? null
                    : new Sender(campaign.organisationName(), campaign.organiserEmail());
        }
    }

    /** A file sent with the email, such as a tax receipt's PDF. */
    public record Attachment(String fileName, String contentType, byte[] content) {}

    public enum Status {
        PENDING,
        SENT,
        /** The recipient had their personal data erased: nothing is kept of this email but that it was due. */
        ERASED
    }

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    public static OutgoingEmail pending(
            String id,
            String to,
            RenderedEmail email,
            Map<String, String> headers,
            List<Attachment> attachments,
            @Nullable Sender sender,
            Instant now) {
        return new OutgoingEmail(
                id,
                to,
                DonorErased.emailSha256(to),
                email.subject(),
                email.text(),
                email.html(),
                headers,
                Status.PENDING,
                0,
                now,
                now,
                null,
                null,
                attachments.isEmpty() ? null : List.copyOf(attachments),
                // Its sending joins the trace of what asked for it (a gift's, say).
                Traces.currentTraceparent(),
                sender);
    }

    OutgoingEmail sent(Instant at) {
        return new OutgoingEmail(
                id,
                to,
                toSha256,
                subject,
                text,
                html,
                headers,
                Status.SENT,
                attempts + 1,
                createdAt,
                at,
                at,
                null,
                attachments,
                traceparent,
                sender);
    }

    /**
     * Keeps the id, so the event that caused this email never sends it again, and forgets the rest. A field
     * added here that names or describes the recipient is forgotten in {@link
     * SentEmails#forgetWhatWasSaidBefore} too.
     */
    OutgoingEmail erased(Instant at) {
        return new OutgoingEmail(
                id, "", null, "", "", "", null, Status.ERASED, attempts, createdAt, at, sentAt, null, null, null, null);
    }

    /** Waits longer after each failure: 2 s, 4 s, 8 s… up to 10 minutes. */
    OutgoingEmail failed(String error, Instant at) {
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(attempts + 1, 20));
        return new OutgoingEmail(
                id,
                to,
                toSha256,
                subject,
                text,
                html,
                headers,
                Status.PENDING,
                attempts + 1,
                createdAt,
                at.plusSeconds(seconds),
                null,
                error,
                attachments,
                traceparent,
                sender);
    }
}
