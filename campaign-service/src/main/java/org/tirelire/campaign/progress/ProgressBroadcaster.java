package org.tirelire.campaign.progress;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tirelire.campaign.campaign.CampaignRepository;
import org.tirelire.campaign.campaign.ProgressView;

/**
 * Pushes progress to everyone watching a campaign. Each instance hears every progress change on
 * Kafka and reads the campaign once per change, however many viewers it has: a live gala with
 * thousands of screens costs one database read per gift, not thousands.
 */
@Component
public class ProgressBroadcaster {

    private static final Duration VIEWER_TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> viewersByCampaign = new ConcurrentHashMap<>();
    private final CampaignRepository campaigns;
    private final Clock clock;

    ProgressBroadcaster(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    public SseEmitter watch(String campaignId, ProgressView current) {
        SseEmitter emitter = new SseEmitter(VIEWER_TIMEOUT.toMillis());
        Set<SseEmitter> viewers = viewersByCampaign.computeIfAbsent(campaignId, id -> ConcurrentHashMap.newKeySet());
        viewers.add(emitter);
        Runnable leave = () -> viewers.remove(emitter);
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(failure -> leave.run());
        send(emitter, current, viewers);
        return emitter;
    }

    /** Called for each progress change heard on Kafka. */
    public void progressChanged(String campaignId) {
        Set<SseEmitter> viewers = viewersByCampaign.get(campaignId);
        if (viewers == null || viewers.isEmpty()) {
            return;
        }
        campaigns
                .findById(campaignId)
                .map(c -> ProgressView.of(c, clock.instant()))
                .ifPresent(progress -> {
                    for (SseEmitter viewer : viewers) {
                        send(viewer, progress, viewers);
                    }
                });
    }

    /** A comment line every 15 s keeps idle connections open through proxies. */
    @Scheduled(fixedDelay = 15_000)
    void keepAlive() {
        viewersByCampaign
                .values()
                .forEach(viewers -> viewers.forEach(viewer -> {
                    try {
                        viewer.send(SseEmitter.event().comment("keep-alive"));
                    } catch (IOException | IllegalStateException gone) {
                        viewers.remove(viewer);
                    }
                }));
    }

    private static void send(SseEmitter viewer, ProgressView progress, Set<SseEmitter> viewers) {
        try {
            viewer.send(SseEmitter.event()
                    .name("progress")
                    .id(progress.updatedAt().toString())
                    .data(progress, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            viewers.remove(viewer);
        }
    }
}
