package org.tirelire.local.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progress lag, as a viewer of the campaign page sees it: from the 201 of the k-th gift to a campaign
 * to the moment its live progress stream first shows k gifts. Gifts are confirmed by the (sandbox)
 * payment provider after a moment, so the lag includes the payment's confirmation, as a donor's does.
 */
final class ProgressWatch implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Seen(long count, long atNanos) {}

    private final ConcurrentMap<String, List<Long>> acceptedAt = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<Seen>> seen = new ConcurrentHashMap<>();
    private final List<Thread> listeners = new ArrayList<>();
    private final CountDownLatch connected;
    private volatile boolean open = true;

    /** What each campaign showed before: the k-th gift from now is counted when the stream shows baseline + k. */
    private final Map<String, Long> baseline;

    /** Starts following the progress stream of each campaign. */
    ProgressWatch(HttpClient http, String baseUrl, List<String> campaignIds, Map<String, Long> baseline) {
        this.baseline = Map.copyOf(baseline);
        this.connected = new CountDownLatch(campaignIds.size());
        for (String campaignId : campaignIds) {
            seen.put(campaignId, new CopyOnWriteArrayList<>());
            acceptedAt.put(campaignId, new CopyOnWriteArrayList<>());
            Thread listener = new Thread(() -> follow(http, baseUrl, campaignId), "progress-" + campaignId);
            listener.setDaemon(true);
            listener.start();
            listeners.add(listener);
        }
    }

    /** Waits until every stream has answered (its headers arrived), so no gift is sent before it listens. */
    boolean awaitConnected(Duration timeout) throws InterruptedException {
        return connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until every stream has shown the count of every gift accepted so far, or the timeout. */
    boolean awaitEveryGiftShown(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (acceptedAt.keySet().stream().allMatch(this::everyGiftShown)) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return false;
    }

    private boolean everyGiftShown(String campaignId) {
        long expected = baseline.getOrDefault(campaignId, 0L)
                + acceptedAt.get(campaignId).size();
        return seen.get(campaignId).stream().anyMatch(shown -> shown.count() >= expected);
    }

    boolean watches(String campaignId) {
        return seen.containsKey(campaignId);
    }

    /** A 201 for a gift to a watched campaign. */
    synchronized void accepted(String campaignId, long answeredNanos) {
        acceptedAt.get(campaignId).add(answeredNanos);
    }

    /** Lag of every gift whose count the stream has shown, in microseconds; gifts never shown are counted. */
    Histogram lags(long[] unseen) {
        Histogram lags = new Histogram(3);
        long missing = 0;
        for (var campaign : acceptedAt.entrySet()) {
            List<Long> answers = campaign.getValue().stream().sorted().toList();
            List<Seen> shown = seen.get(campaign.getKey());
            long before = baseline.getOrDefault(campaign.getKey(), 0L);
            for (int k = 1; k <= answers.size(); k++) {
                long answered = answers.get(k - 1);
                final long count = before + k;
                Seen first = shown.stream()
                        .filter(s -> s.count() >= count)
                        .findFirst()
                        .orElse(null);
                if (first == null) {
                    missing++;
                } else {
                    lags.recordValue(Math.max(1, (first.atNanos() - answered) / 1_000));
                }
            }
        }
        unseen[0] = missing;
        return lags;
    }

    private void follow(HttpClient http, String baseUrl, String campaignId) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrl + "/api/campaigns/" + campaignId + "/progress/stream"))
                .header("Accept", "text/event-stream")
                .build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            connected.countDown();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while (open && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        JsonNode progress = JSON.readTree(line.substring(5).strip());
                        seen.get(campaignId)
                                .add(new Seen(progress.path("donationCount").asLong(), System.nanoTime()));
                    }
                }
            }
        } catch (Exception ended) {
            // the stream ends with the benchmark
        }
    }

    @Override
    public void close() {
        open = false;
        listeners.forEach(Thread::interrupt);
    }
}
