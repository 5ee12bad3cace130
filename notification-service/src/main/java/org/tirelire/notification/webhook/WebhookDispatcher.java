package org.tirelire.notification.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.kit.webhooks.WebhookSignature;

/**
 * Delivers queued webhook events: a POST of the CloudEvent, signed with the webhook's secret
 * ({@code Tirelire-Signature: t=…,v1=…}, HMAC-SHA256 of {@code t.body}, as {@link WebhookSignature}
 * checks it), answered by any 2xx within 10 s. Otherwise it is tried again later and later
 * ({@link WebhookDelivery#RETRY_DELAYS}), then marked failed; every attempt shows in the delivery log.
 *
 * <p>Each delivery is claimed atomically before it is sent (its next attempt pushed past a lease), so
 * two instances never send it together; one that dies mid-delivery leaves it to be tried again once the
 * lease is over. Delivery is therefore at least once: receivers deduplicate by the event's {@code id}.
 */
@Component
public class WebhookDispatcher implements DisposableBean {

    static final String SIGNATURE_HEADER = "Tirelire-Signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 20;

    private final MongoTemplate mongo;
    private final WebhookSubscriptions subscriptions;
    private final WebhookTargets targets;
    private final Clock clock;
    /** Never follows a redirect: the target was checked, where it redirects to was not. */
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final ReentrantLock running = new ReentrantLock();
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "webhook-dispatcher"));

    /** Each attempt's outcome, for Prometheus: delivered, retrying (it failed, another comes), failed (given up). */
    private final Map<WebhookDelivery.Status, Counter> attempts = new EnumMap<>(WebhookDelivery.Status.class);

    WebhookDispatcher(
            MongoTemplate mongo,
            WebhookSubscriptions subscriptions,
            WebhookTargets targets,
            Clock clock,
            MeterRegistry registry) {
        for (WebhookDelivery.Status status : WebhookDelivery.Status.values()) {
            String outcome = status == WebhookDelivery.Status.PENDING
                    ? "retrying"
                    : status.name().toLowerCase(Locale.ROOT);
            attempts.put(
                    status,
                    Counter.builder("tirelire.webhook.deliveries")
                            .description("Attempts to deliver an event to an organisation's webhook, by outcome")
                            .tag("outcome", outcome)
                            .register(registry));
        }
        this.mongo = mongo;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.clock = clock;
    }

    void wakeUp() {
        wakeUps.execute(this::deliverDue);
    }

    @Scheduled(fixedDelayString = "${tirelire.webhooks.dispatch-interval:1s}")
    public void deliverDue() {
        if (!running.tryLock()) {
            return;
        }
        try {
            for (int i = 0; i < BATCH; i++) {
                WebhookDelivery due = claimNext();
                if (due == null) {
                    return;
                }
                WebhookDelivery attempted = attempt(due);
                mongo.save(attempted);
                attempts.get(attempted.status()).increment();
            }
        } finally {
            running.unlock();
        }
    }

    private @Nullable WebhookDelivery claimNext() {
        Instant now = clock.instant();
        return mongo.findAndModify(
                new Query(Criteria.where("status")
                                .is(WebhookDelivery.Status.PENDING)
                                .and("nextAttemptAt")
                                .lte(now))
                        .limit(1),
                new Update().set("nextAttemptAt", now.plus(LEASE)),
                FindAndModifyOptions.options().returnNew(false),
                WebhookDelivery.class);
    }

    private WebhookDelivery attempt(WebhookDelivery delivery) {
        WebhookSubscription webhook =
                subscriptions.findById(delivery.subscriptionId()).orElse(null);
        Instant now = clock.instant();
        if (webhook == null) {
            return delivery.abandoned("the webhook was deleted", now);
        }
        try {
            URI target = targets.check(webhook.url());
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(TIMEOUT)
                            .header("Content-Type", CloudEvent.CONTENT_TYPE)
                            .header("User-Agent", "Tirelire-Webhooks/1")
                            .header("Tirelire-Event-Id", delivery.eventId())
                            .header("Tirelire-Event-Type", delivery.eventType())
                            .header(SIGNATURE_HEADER, new WebhookSignature(webhook.secret()).sign(body, now))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                log.info("Webhook delivery {} delivered ({})", delivery.id(), response.statusCode());
                return delivery.delivered(response.statusCode(), clock.instant());
            }
            return failed(delivery, response.statusCode(), "the receiver answered " + response.statusCode());
        } catch (WebhookTargetRefused refused) {
            return failed(delivery, null, "the URL " + refused.getMessage());
        } catch (IOException unreachable) {
            return failed(delivery, null, "the receiver could not be reached: " + unreachable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(delivery, null, "interrupted while delivering");
        }
    }

    private WebhookDelivery failed(WebhookDelivery delivery, @Nullable Integer statusCode, String error) {
        WebhookDelivery failed = delivery.failed(statusCode, error, clock.instant());
        log.warn(
                "Webhook delivery {} attempt {} failed: {}; {}",
                delivery.id(),
                failed.attempts(),
                error,
                failed.status() == WebhookDelivery.Status.FAILED ? "giving up" : "next at " + failed.nextAttemptAt());
        return failed;
    }

    @Override
    public void destroy() {
        wakeUps.shutdownNow();
    }
}
