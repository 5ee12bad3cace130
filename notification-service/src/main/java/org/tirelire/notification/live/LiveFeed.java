package org.tirelire.notification.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationMessageHidden;
import org.tirelire.contracts.events.MilestoneReached;
import org.tirelire.contracts.money.Money;

/**
 * The live feed of a campaign for streams and galas: each gift as the public may see it (display
 * name or "Anonymous", amount, message) and each milestone, pushed to every open connection. Every
 * instance hears every event (an anonymous consumer group each), whoever holds the connection.
 */
@Component
public class LiveFeed {

    private static final Duration VIEWER_TIMEOUT = Duration.ofHours(6);

    /**
     * One item of the feed; {@code message} is the donor's text, to be shown as text. A milestone's
     * {@code amount} is the total that reached it, and {@code threshold} what it needed. {@code alert} names
     * a gift's alert, so that a {@code hidden} item can take its message down; it is derived from the
     * donation's id, which it does not reveal.
     */
    public record Item(
            String type,
            @Nullable String alert,
            @Nullable String displayName,
            @Nullable Money amount,
            @Nullable String message,
            @Nullable String fundraiser,
            @Nullable String milestone,
            @Nullable Money threshold,
            Instant at) {}

    private final Map<String, Set<SseEmitter>> viewers = new ConcurrentHashMap<>();

    public SseEmitter watch(String campaignId) {
        SseEmitter emitter = new SseEmitter(VIEWER_TIMEOUT.toMillis());
        Set<SseEmitter> watching = viewers.computeIfAbsent(campaignId, id -> ConcurrentHashMap.newKeySet());
        watching.add(emitter);
        Runnable leave = () -> watching.remove(emitter);
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(failure -> leave.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            leave.run();
        }
        return emitter;
    }

    public void gift(DonationConfirmed gift) {
        String name = gift.anonymous() || gift.donor() == null
                ? "Anonymous"
                : gift.donor().displayName();
        push(
                gift.campaignId(),
                "gift",
                new Item(
                        "gift",
                        alertOf(gift.donationId()),
                        name,
                        gift.amount(),
                        gift.message(),
                        gift.fundraiserSlug(),
                        null,
                        null,
                        gift.confirmedAt()));
    }

    public void milestone(MilestoneReached milestone) {
        push(
                milestone.campaignId(),
                "milestone",
                new Item(
                        "milestone",
                        null,
                        null,
                        milestone.raised(),
                        null,
                        null,
                        milestone.milestone(),
                        milestone.threshold(),
                        milestone.reachedAt()));
    }

    /** The organisation hid a gift's message: screens showing its alert take the message down. */
    public void hidden(DonationMessageHidden hidden) {
        push(
                hidden.campaignId(),
                "hidden",
                new Item(
                        "hidden", alertOf(hidden.donationId()), null, null, null, null, null, null, hidden.hiddenAt()));
    }

    /** A name for a gift's alert that does not give away its donation's id (which opens its status page). */
    private static String alertOf(String donationId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(donationId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    private void push(String campaignId, String eventName, Item item) {
        Set<SseEmitter> watching = viewers.get(campaignId);
        if (watching == null) {
            return;
        }
        for (SseEmitter viewer : watching) {
            try {
                viewer.send(SseEmitter.event().name(eventName).data(item, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                watching.remove(viewer);
            }
        }
    }

    /** A comment line every 15 s keeps idle connections open through proxies. */
    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        viewers.values()
                .forEach(watching -> watching.forEach(viewer -> {
                    try {
                        viewer.send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException gone) {
                        watching.remove(viewer);
                    }
                }));
    }
}
