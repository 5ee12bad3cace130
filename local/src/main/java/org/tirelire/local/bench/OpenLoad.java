package org.tirelire.local.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.tirelire.contracts.http.Shed;

/**
 * An open-model load: requests start at a constant rate whatever the answers do, as donors arrive
 * whether or not the platform keeps up. Each latency is measured from the moment the request was
 * meant to start, not from when it was sent, so a stall counts against every request it delayed
 * (no coordinated omission).
 */
final class OpenLoad {

    /**
     * One request to send: what to post, and what to do with a 201 ({@code onAccepted} gets the moment it
     * came, for the progress lag; a 201 obtained later by {@link #settle} does not call it).
     */
    record Shot(String path, String body, Map<String, String> headers, Runnable onRecorded, Accepted onAccepted) {}

    interface Accepted {
        void at(long answeredNanos, String responseBody);
    }

    /**
     * {@code refusals}: the first answer's body for each status other than 201, to tell why.
     * {@code unanswered}: the shots that got a 5xx or no answer at all, whose gift may or may not be
     * recorded (a timeout can come after the platform stored it): {@link #settle} finds out.
     */
    record Outcome(
            Histogram latencies,
            long sent,
            long accepted,
            Map<Integer, Long> statuses,
            Map<Integer, String> refusals,
            long failures,
            Duration elapsed,
            List<Shot> unanswered,
            long shed,
            Histogram shedLatencies) {

        double acceptedPerSecond() {
            return accepted / (elapsed.toNanos() / 1e9);
        }

        /** Gifts neither taken nor asked to come back: a 4xx, a 5xx or no answer. */
        double errorRate() {
            return sent == 0 ? 0 : (double) (sent - accepted - shed) / sent;
        }

        double shedRate() {
            return sent == 0 ? 0 : (double) shed / sent;
        }
    }

    /**
     * The platform asked this gift to come back in a moment (503 with {@code Retry-After} and {@link
     * Shed#HEADER}, before anything was stored): shed, not an error. The donor's page sends it again with the same key; here {@link
     * #settle} does, after the measure.
     */
    static boolean shed(HttpResponse<?> response) {
        return Shed.is(
                response.statusCode(),
                response.headers().firstValue(Shed.HEADER).orElse(null));
    }

    private final HttpClient http;
    private final String baseUrl;

    OpenLoad(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Sends {@code rate} requests a second for {@code duration}, the i-th one made by {@code shots}. */
    Outcome run(int rate, Duration duration, IntFunction<Shot> shots) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        Recorder shedRecorder = new Recorder(3);
        AtomicLong shed = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        Map<Integer, String> refusals = new ConcurrentHashMap<>();
        Queue<Shot> unanswered = new ConcurrentLinkedQueue<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = duration.toSeconds() * rate;
        long start = System.nanoTime();
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[(int) total];
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Shot shot = shots.apply(i);
            inFlight[i] = http.sendAsync(request(shot), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        long answered = System.nanoTime();
                        long micros = Math.max(1, (answered - intended) / 1_000);
                        if (failure == null && shed(response)) {
                            shedRecorder.recordValue(micros);
                            shed.incrementAndGet();
                            statuses.merge(response.statusCode(), 1L, Long::sum);
                            unanswered.add(shot);
                            return;
                        }
                        recorder.recordValue(micros);
                        if (failure != null) {
                            failures.incrementAndGet();
                            unanswered.add(shot);
                            return;
                        }
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        if (response.statusCode() == 201) {
                            accepted.incrementAndGet();
                            shot.onRecorded().run();
                            shot.onAccepted().at(answered, response.body());
                        } else {
                            refusals.putIfAbsent(response.statusCode(), response.body());
                            if (response.statusCode() >= 500) {
                                unanswered.add(shot);
                            }
                        }
                    });
        }
        CompletableFuture.allOf(inFlight).exceptionally(ignored -> null).join();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Outcome(
                recorder.getIntervalHistogram(),
                total,
                accepted.get(),
                Map.copyOf(statuses),
                Map.copyOf(refusals),
                failures.get(),
                elapsed,
                List.copyOf(unanswered),
                shed.get(),
                shedRecorder.getIntervalHistogram());
    }

    /**
     * What a donor does after an error page: sends the same gift again with the same Idempotency-Key,
     * once the platform is calm, until it answers 201 (the gift was recorded, then or now) or refuses it.
     * Runs after the measure, so it changes no measured figure; it tells the benchmark which of the
     * unanswered gifts the totals must include.
     *
     * @return how many of them ended recorded
     */
    long settle(List<Shot> shots, int attempts) throws InterruptedException {
        AtomicLong recorded = new AtomicLong();
        // A few donors at a time, as pages would: thousands of shed gifts are sent again in seconds.
        ExecutorService donors = Executors.newFixedThreadPool(SETTLING_DONORS);
        try {
            for (Shot shot : shots) {
                donors.execute(() -> {
                    if (sendUntilAnswered(shot, attempts)) {
                        shot.onRecorded().run();
                        recorded.incrementAndGet();
                    }
                });
            }
        } finally {
            donors.shutdown();
            donors.awaitTermination(1, TimeUnit.HOURS);
        }
        return recorded.get();
    }

    private static final int SETTLING_DONORS = 8;

    /** True once answered 201; false when refused (never recorded) or after every attempt. */
    private boolean sendUntilAnswered(Shot shot, int attempts) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            int status;
            try {
                status = http.send(request(shot), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException unreachable) {
                status = 0;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (status == 201) {
                return true;
            }
            if (status >= 400 && status < 500) {
                return false; // refused, so never recorded
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private HttpRequest request(Shot shot) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + shot.path()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(shot.body()));
        shot.headers().forEach(request::header);
        return request.build();
    }
}
