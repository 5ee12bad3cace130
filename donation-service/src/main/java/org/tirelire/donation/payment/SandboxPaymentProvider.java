package org.tirelire.donation.payment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.tracing.Traces;
import org.tirelire.kit.webhooks.WebhookSignature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SANDBOX payment provider: no money moves. It is the default on a laptop and says so in every
 * payment reference ({@code sbx_…}). {@code pm_sandbox_ok} is confirmed shortly after through a signed
 * webhook on the same path a real provider would call; {@code pm_sandbox_declined} is declined at once;
 * {@code pm_sandbox_fails_later} succeeds, but declines a recurring gift's later charges.
 */
@Component
public class SandboxPaymentProvider implements PaymentProvider, PaymentWebhooks, DisposableBean {

    public static final String NAME = "sandbox";
    public static final String SUCCEEDS = "pm_sandbox_ok";
    public static final String DECLINED = "pm_sandbox_declined";
    /** Succeeds for a gift and a recurring gift's first charge, and declines every later charge. */
    public static final String FAILS_LATER = "pm_sandbox_fails_later";

    static final String REFERENCE_PREFIX = "sbx_";
    static final String SIGNATURE_HEADER = "Tirelire-Sandbox-Signature";

    private static final int WEBHOOK_SENDERS = 8;

    private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

    private final WebhookSignature signature;
    private final SandboxProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * Sends the webhooks, several at once as a provider does. Blocking sends on threads of our own: the
     * JDK client's {@code sendAsync} hands every answer to {@code CompletableFuture}'s default executor,
     * which on a two-core machine starts a new thread per task (docs/performance.md, finding 6).
     */
    private final ScheduledExecutorService webhooks =
            Executors.newScheduledThreadPool(WEBHOOK_SENDERS, r -> new Thread(r, "sandbox-webhooks"));

    /**
     * Payments whose webhook this instance has scheduled or is sending. A follow-up sends again only a
     * webhook that is not on its way: under load, confirmations ran more than the follow-up's 10 s late,
     * and sending every waiting gift's webhook again at each pass multiplied the work that was already
     * late, until nothing was confirmed any more (docs/performance.md, finding 11).
     */
    private final Set<String> onTheirWay = ConcurrentHashMap.newKeySet();

    private volatile URI webhookUri;

    SandboxPaymentProvider(SandboxProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        String secret = properties.webhookSecret() != null ? properties.webhookSecret() : randomSecret();
        this.signature = new WebhookSignature(secret);
    }

    @EventListener
    void onServerStarted(WebServerInitializedEvent event) {
        sendWebhooksTo(
                URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/api/payments/webhooks/" + NAME));
    }

    void sendWebhooksTo(URI webhookUri) {
        this.webhookUri = webhookUri;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.SANDBOX;
    }

    @Override
    public Set<String> paymentMethods() {
        return Set.of(SUCCEEDS, DECLINED, FAILS_LATER);
    }

    @Override
    public PaymentStart start(PaymentRequest request) {
        if (DECLINED.equals(request.paymentMethod())) {
            return new PaymentStart.Declined("Declined by the sandbox provider (pm_sandbox_declined)");
        }
        if (FAILS_LATER.equals(request.paymentMethod()) && request.repeatCharge()) {
            return new PaymentStart.Declined("Declined by the sandbox provider (pm_sandbox_fails_later)");
        }
        String reference = REFERENCE_PREFIX + UUID.randomUUID().toString().replace("-", "");
        // Unlike a real provider, the sandbox sends its webhook within the gift's trace, so that a gift on a
        // laptop is one trace from the giving form to the thank-you email.
        String trace = Traces.currentTraceparent();
        onTheirWay.add(reference);
        webhooks.schedule(
                () -> deliver(request.donationId(), reference, trace),
                properties.confirmDelay().toMillis(),
                TimeUnit.MILLISECONDS);
        return new PaymentStart.Accepted(reference, null);
    }

    /** No page to send the donor to: the method named is the one the next charges are taken with. */
    @Override
    public MethodChange changeSavedMethod(MethodChangeRequest request) {
        return new MethodChange.Saved(
                REFERENCE_PREFIX + "method_" + UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public void refund(DonationId donationId, String paymentReference, Money amount) {
        log.info("Sandbox refund of {} for payment {}: no money moves", amount, paymentReference);
    }

    /** Like a real provider, the webhook of a payment still pending after a while (after a crash, say) comes again. */
    @Override
    public Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference) {
        if (paymentReference.startsWith(REFERENCE_PREFIX) && onTheirWay.add(paymentReference)) {
            webhooks.execute(() -> deliver(donationId, paymentReference, null));
        }
        return Optional.empty();
    }

    @Override
    public Optional<PaymentOutcome> receive(byte[] body, HttpHeaders headers) {
        try {
            signature.verify(body, headers.getFirst(SIGNATURE_HEADER), clock.instant());
        } catch (WebhookSignature.Rejected rejected) {
            throw new InvalidWebhook(rejected.getMessage());
        }
        try {
            Map<?, ?> payload = json.readValue(body, Map.class);
            return Optional.of(new PaymentOutcome(
                    String.valueOf(payload.get("id")),
                    DonationId.of(String.valueOf(payload.get("donationId"))),
                    String.valueOf(payload.get("paymentReference")),
                    "payment.succeeded".equals(payload.get("type")),
                    String.valueOf(payload.get("type")),
                    null));
        } catch (RuntimeException unreadable) {
            throw new InvalidWebhook("The webhook body is not a sandbox payment event");
        }
    }

    /** Sends the webhook; once it is answered or lost, a follow-up may send it again. */
    private void deliver(DonationId donationId, String reference, @Nullable String traceparent) {
        try {
            sendSucceeded(donationId, reference, traceparent);
        } finally {
            onTheirWay.remove(reference);
        }
    }

    private void sendSucceeded(DonationId donationId, String reference, @Nullable String traceparent) {
        if (webhookUri == null) {
            return; // not serving yet; the follow-up of stalled payments will deliver it
        }
        byte[] body = json.writeValueAsBytes(Map.of(
                "id",
                "evt_" + UUID.randomUUID(),
                "type",
                "payment.succeeded",
                "donationId",
                donationId.value(),
                "paymentReference",
                reference));
        HttpRequest.Builder request = HttpRequest.newBuilder(webhookUri)
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, signature.sign(body, clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (traceparent != null) {
            request.header(Traces.TRACEPARENT, traceparent);
        }
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                log.warn("Sandbox webhook for donation {} answered {}", donationId, response.statusCode());
            }
        } catch (IOException failure) {
            log.warn("Sandbox webhook for donation {} failed, will be resent: {}", donationId, failure.toString());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void destroy() {
        webhooks.shutdownNow();
    }
}
