package org.tirelire.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tirelire.contracts.events.DonationConfirmed;
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
     * {@code amount} is the total that reached it, and {@code threshold} what it needed.
     */
    public record Item(
            String type,
            @Nullable String displayName,
            Money amount,
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
                        milestone.raised(),
                        null,
                        null,
                        milestone.milestone(),
                        milestone.threshold(),
                        milestone.reachedAt()));
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
