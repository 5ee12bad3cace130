package org.tirelire.gateway.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The last progress each campaign's page was given, kept by the gateway so that while campaign-service
 * is down a thermometer still shows what was raised a moment ago instead of an error. Bounded: the
 * campaigns read least recently are forgotten first. Each gateway instance keeps its own.
 */
@Component
class LastKnownProgress {

    /** Where the progress route notes which campaign was asked for, for its fallback to read. */
    static final String CAMPAIGN_ID_ATTRIBUTE = LastKnownProgress.class.getName() + ".campaignId";

    /** The header (RFC 9211) that marks an answer as this stored copy. */
    static final String CACHE_STATUS = "Cache-Status";

    private static final int MAX_CAMPAIGNS = 10_000;

    record Snapshot(String body, Instant recordedAt) {

        Duration age(Instant now) {
            return Duration.between(recordedAt, now);
        }
    }

    private final Clock clock;

    private final Map<String, Snapshot> byCampaign = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Snapshot> eldest) {
            return size() > MAX_CAMPAIGNS;
        }
    };

    LastKnownProgress(Clock clock) {
        this.clock = clock;
    }

    synchronized void record(String campaignId, String body) {
        byCampaign.put(campaignId, new Snapshot(body, clock.instant()));
    }

    synchronized Optional<Snapshot> of(String campaignId) {
        return Optional.ofNullable(byCampaign.get(campaignId));
    }

    /** {@code /api/campaigns/{id}/progress} → {@code id}. */
    static String campaignIdIn(String progressPath) {
        String[] segments = progressPath.split("/");
        return segments[segments.length - 2];
    }
}
