package org.tirelire.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.kit.security.Organiser;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organisation's webhooks: register a URL and the event types it wants, read the delivery log,
 * send a test, delete. Only the organisation's own organisers reach its webhooks.
 */
@RestController
class WebhookController {

    private static final int LOG_SIZE = 50;
    private static final String PING_TYPE = "org.tirelire.webhook.ping.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record RegisterWebhook(
            @NotBlank @Size(max = 500) String url,
            @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {}

    /** {@code secret} only in the answer to the registration. */
    record WebhookView(
            String id,
            String url,
            List<String> eventTypes,
            Instant createdAt,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String secret) {

        static WebhookView of(WebhookSubscription webhook) {
            return new WebhookView(webhook.id(), webhook.url(), webhook.eventTypes(), webhook.createdAt(), null);
        }
    }

    record DeliveryView(
            String id,
            String eventId,
            String eventType,
            WebhookDelivery.Status status,
            int attempts,
            @Nullable Integer lastStatusCode,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant deliveredAt,
            @Nullable Instant nextAttemptAt) {

        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(
                    delivery.id(),
                    delivery.eventId(),
                    delivery.eventType(),
                    delivery.status(),
                    delivery.attempts(),
                    delivery.lastStatusCode(),
                    delivery.lastError(),
                    delivery.createdAt(),
                    delivery.deliveredAt(),
                    delivery.status() == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt() : null);
        }
    }

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final EventCodec codec;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookController(
            WebhookSubscriptions subscriptions,
            WebhookDeliveries deliveries,
            Webhooks webhooks,
            WebhookTargets targets,
            WebhookProperties properties,
            EventCodec codec,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.targets = targets;
        this.properties = properties;
        this.codec = codec;
        this.clock = clock;
    }

    @GetMapping("/api/webhooks/event-types")
    List<String> eventTypes() {
        return Webhooks.EVENT_TYPES;
    }

    /** The answer is the only time the signing secret is shown. */
    @PostMapping("/api/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    WebhookView register(@AuthenticationPrincipal Jwt token, @Valid @RequestBody RegisterWebhook request) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_SETTINGS).organisationId();
        List<String> unknown = request.eventTypes().stream()
                .filter(type -> !Webhooks.EVENT_TYPES.contains(type))
                .toList();
        if (!unknown.isEmpty()) {
            throw new WebhookRequestRefused(
                    "eventTypes", "unknown event types " + unknown + "; choose among " + Webhooks.EVENT_TYPES);
        }
        if (subscriptions
                        .findByOrganisationIdOrderByCreatedAtAsc(organisationId)
                        .size()
                >= properties.perOrganisation()) {
            throw new WebhookRequestRefused(
                    "url", "an organisation has at most " + properties.perOrganisation() + " webhooks");
        }
        String url = targets.check(request.url()).toString();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        WebhookSubscription webhook = subscriptions.insert(new WebhookSubscription(
                UUID.randomUUID().toString(),
                organisationId,
                url,
                request.eventTypes().stream().distinct().toList(),
                "whsec_" + HexFormat.of().formatHex(secret),
                clock.instant()));
        webhooks.webhooksChanged(organisationId);
        return new WebhookView(
                webhook.id(), webhook.url(), webhook.eventTypes(), webhook.createdAt(), webhook.secret());
    }

    @GetMapping("/api/webhooks")
    List<WebhookView> list(@AuthenticationPrincipal Jwt token) {
        return subscriptions
                .findByOrganisationIdOrderByCreatedAtAsc(Organiser.from(token)
                        .permittedTo(Capability.MANAGE_SETTINGS)
                        .organisationId())
                .stream()
                .map(WebhookView::of)
                .toList();
    }

    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        WebhookSubscription removed = own(token, id);
        subscriptions.delete(removed);
        webhooks.webhooksChanged(removed.organisationId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    List<DeliveryView> deliveries(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        WebhookSubscription webhook = own(token, id);
        return deliveries.findBySubscriptionIdOrderByCreatedAtDesc(webhook.id(), PageRequest.of(0, LOG_SIZE)).stream()
                .map(DeliveryView::of)
                .toList();
    }

    /** Queues a test event ({@code org.tirelire.webhook.ping.v1}) for this webhook, to check the receiver. */
    @PostMapping("/api/webhooks/{id}/ping")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView ping(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        WebhookSubscription webhook = own(token, id);
        Instant now = clock.instant();
        CloudEvent ping = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                UUID.randomUUID().toString(),
                "/notification-service",
                PING_TYPE,
                now,
                webhook.id(),
                "application/json",
                null,
                null,
                JSON.valueToTree(java.util.Map.of("webhookId", webhook.id(), "message", "Tirelire webhook test")));
        WebhookDelivery delivery = WebhookDelivery.pending(
                webhook, ping.id(), PING_TYPE, new String(codec.encode(ping), StandardCharsets.UTF_8), now);
        webhooks.queue(delivery);
        webhooks.wakeUpDispatcher();
        return DeliveryView.of(delivery);
    }

    private WebhookSubscription own(Jwt token, String id) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_SETTINGS).organisationId();
        return subscriptions
                .findById(id)
                .filter(webhook -> webhook.organisationId().equals(organisationId))
                .orElseThrow(() -> new WebhookNotFound(id));
    }
}
