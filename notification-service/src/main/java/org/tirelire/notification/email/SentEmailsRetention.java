package org.tirelire.notification.email;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps what a sent email said, a donor's address and tax receipt included, no longer than {@code
 * tirelire.email.keep-sent-for} (90 days, as long as the links in it work): then only its id, its dates and
 * that it was sent remain (ADR 50). Looked at every hour, on a thread of its own: on the embedded store, which
 * cannot index {@code sentAt}, that reads every sent email, and the scheduler's one thread relays events.
 */
@Component
class SentEmailsRetention implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SentEmailsRetention.class);

    private final SentEmails sentEmails;
    private final EmailProperties properties;
    private final Clock clock;
    private final ExecutorService ownThread =
            Executors.newSingleThreadExecutor(r -> new Thread(r, "sent-emails-retention"));

    SentEmailsRetention(SentEmails sentEmails, EmailProperties properties, Clock clock) {
        this.sentEmails = sentEmails;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${tirelire.email.retention-first-look:5m}",
            fixedDelayString = "${tirelire.email.retention-every:1h}")
    void lookForOldEmails() {
        ownThread.execute(() -> {
            try {
                forgetWhatOldEmailsSaid();
            } catch (RuntimeException storeAway) {
                log.warn(
                        "Old sent emails not forgotten this time; the next look tries again: {}", storeAway.toString());
            }
        });
    }

    void forgetWhatOldEmailsSaid() {
        Instant cutoff = clock.instant().minus(properties.keepSentFor());
        long forgotten = sentEmails.forgetWhatWasSaidBefore(cutoff);
        if (forgotten > 0) {
            log.info(
                    "Forgot the recipients and contents of {} emails sent before {} (kept {})",
                    forgotten,
                    cutoff,
                    properties.keepSentFor());
        }
    }

    @Override
    public void destroy() {
        ownThread.shutdownNow();
    }
}
