package org.tirelire.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.kit.tracing.Traces;

/**
 * Sends waiting emails over SMTP and moves each one sent out of the queue, to {@link SentEmails}. While
 * the SMTP server is away the emails stay queued and are tried again with growing delays; nothing is lost
 * across a restart. An email the server took but the database could not be told of (MongoDB away for a
 * moment) is remembered here and recorded before anything else is sent, so that it is not sent twice.
 *
 * <p>Sending is at least once (ADR 23): a process killed between the server's acceptance and the record
 * sends that email again after its restart. It then carries the same {@code Message-ID}, derived from
 * the email's id, so that mail clients and servers that drop duplicates show it once.
 */
@Component
public class EmailDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmailDispatcher.class);
    private static final int BATCH = 50;

    private final OutgoingEmails emails;
    private final SentEmails sentEmails;
    private final MongoTemplate mongo;
    private final JavaMailSender mailSender;
    private final EmailProperties properties;
    private final Clock clock;
    private final Traces traces;
    /** The platform's address alone (noreply@…), which donors' emails come from under their association's name. */
    private final String fromAddress;

    private final String messageIdDomain;
    private final ReentrantLock running = new ReentrantLock();
    /** Sent, not yet recorded as sent; used under {@link #running} only. */
    private final Map<String, OutgoingEmail> sentNotRecorded = new LinkedHashMap<>();

    private final Counter sent;
    private final Counter failed;

    private final AtomicBoolean wakeUpWaiting = new AtomicBoolean();
    private volatile boolean stopping;

    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "email-dispatcher"));

    EmailDispatcher(
            OutgoingEmails emails,
            SentEmails sentEmails,
            MongoTemplate mongo,
            JavaMailSender mailSender,
            EmailProperties properties,
            MeterRegistry registry,
            Clock clock,
            Traces traces) {
        this.sent = Counter.builder("tirelire.emails")
                .description("Emails handed to the SMTP server, or refused by it (each attempt)")
                .tag("outcome", "sent")
                .register(registry);
        this.failed = Counter.builder("tirelire.emails")
                .description("Emails handed to the SMTP server, or refused by it (each attempt)")
                .tag("outcome", "failed")
                .register(registry);
        this.emails = emails;
        this.sentEmails = sentEmails;
        this.mongo = mongo;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
        this.fromAddress = addressOf(properties.from());
        this.messageIdDomain = fromAddress.substring(fromAddress.indexOf('@') + 1);
    }

    /** A round on the dispatcher's own thread; one asked for while one is waiting to start is that one. */
    void wakeUp() {
        if (wakeUpWaiting.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpWaiting.set(false);
                dispatchDue();
            });
        }
    }

    /**
     * Only wakes the dispatcher: a round under a backlog takes as long as the backlog, and the scheduler's one
     * thread also relays events, retries webhooks and keeps live feeds open.
     */
    @Scheduled(fixedDelayString = "${tirelire.email.dispatch-interval:500ms}")
    void lookForDueEmails() {
        wakeUp();
    }

    public void dispatchDue() {
        if (!running.tryLock()) {
            return;
        }
        try (SmtpConnection smtp = new SmtpConnection(mailSender)) {
            recordSent();
            boolean more = true;
            while (more && !stopping) { // a full batch sent: the next one at once, over the same connection
                more = sendBatch(smtp);
            }
        } finally {
            running.unlock();
        }
    }

    /** @return whether it sent a whole batch, so that more may be due */
    private boolean sendBatch(SmtpConnection smtp) {
        List<OutgoingEmail> due = emails.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
                OutgoingEmail.Status.PENDING, clock.instant(), PageRequest.of(0, BATCH));
        // Recorded sent by a try that stopped before taking it out of the queue: not to be sent again.
        Set<String> sentBefore =
                sentEmails.amongIds(due.stream().map(OutgoingEmail::id).toList());
        int sentNow = 0;
        for (OutgoingEmail email : due) {
            if (sentBefore.contains(email.id())) {
                emails.deleteById(email.id());
                continue;
            }
            if (sentNotRecorded.containsKey(email.id())) {
                continue;
            }
            if (stopping
                    || !traces.continuing(
                            email.traceparent(), "send email", Span.Kind.CLIENT, () -> send(email, smtp))) {
                return false; // stopping, or the server is away: leave the rest for the next round
            }
            sentNow++;
        }
        return due.size() == BATCH && sentNow > 0;
    }

    private boolean send(OutgoingEmail email, SmtpConnection smtp) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            if (email.sender() == null) {
                helper.setFrom(properties.from());
            } else {
                helper.setFrom(fromAddress, email.sender().name());
                if (email.sender().replyTo() != null) {
                    helper.setReplyTo(email.sender().replyTo());
                }
            }
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("X-Tirelire-Email-Id", email.id());
            message.setHeader("Message-ID", messageId(email.id()));
            if (email.attachments() != null) {
                for (OutgoingEmail.Attachment attachment : email.attachments()) {
                    helper.addAttachment(
                            attachment.fileName(),
                            new ByteArrayResource(attachment.content()),
                            attachment.contentType());
                }
            }
            if (email.headers() != null) {
                for (var header : email.headers().entrySet()) {
                    message.setHeader(header.getKey(), header.getValue());
                }
            }
            smtp.send(message);
            sent.increment();
            sentNotRecorded.put(email.id(), email.sent(clock.instant()));
            recordSent();
            return true;
        } catch (MailException | MessagingException | UnsupportedEncodingException failure) {
            failed.increment();
            log.warn("Email {} not sent (attempt {}): {}", email.id(), email.attempts() + 1, failure.toString());
            // Not an upsert: an email erased meanwhile stays out of the queue.
            mongo.findAndReplace(
                    Query.query(Criteria.where("_id").is(email.id())),
                    email.failed(failure.toString(), clock.instant()));
            return false;
        }
    }

    /** The same for every copy of one email; JavaMailSender keeps a Message-ID set before sending. */
    String messageId(String emailId) {
        UUID stable = UUID.nameUUIDFromBytes(emailId.getBytes(StandardCharsets.UTF_8));
        return "<" + stable + "@" + messageIdDomain + ">";
    }

    private static String addressOf(String from) {
        try {
            return new InternetAddress(from, true).getAddress();
        } catch (AddressException invalid) {
            throw new IllegalArgumentException("tirelire.email.from is not an email address: " + from, invalid);
        }
    }

    /**
     * Moves what was sent from the queue to {@link SentEmails}: recorded there first, so that it is never missing
     * from both. Throws while the database is away; what is left is recorded at the next round, before any
     * sending.
     */
    private void recordSent() {
        for (var sent = sentNotRecorded.values().iterator(); sent.hasNext(); ) {
            OutgoingEmail email = sent.next();
            sentEmails.recordSent(email);
            emails.deleteById(email.id());
            sent.remove();
        }
    }

    /** Lets the email being handed over be recorded before the database closes: only a crash sends a copy. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        wakeUps.shutdown();
        if (!wakeUps.awaitTermination(10, TimeUnit.SECONDS)) {
            wakeUps.shutdownNow();
        }
    }
}
