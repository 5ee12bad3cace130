package org.tirelire.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./tirelire bench}: gifts through the gateway at a constant rate, first spread over many
 * campaigns, then all to one hot campaign (the live-stream case); then the raw ceilings of Kafka and
 * MongoDB on the same machine, in the same run. Writes what it measured with {@link BenchReport}.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tries of a donor's "send again" for a gift that got an error, before it counts as never given. */
    private static final int SETTLE_ATTEMPTS = 10;

    private static final String PASSWORD = "une phrase de passe pour le banc";

    /**
     * @param rate gifts per second to send (open model: whatever the answers)
     * @param duration how long each scenario is measured
     * @param warmUp how long each scenario runs before it is measured
     * @param prime how long the hot campaign gets gifts, at the lowest rate asked, before the first
     *     scenario: a platform on the full JIT (ADR 41) compiles a gift's path in its first minutes of load,
     *     whatever the rate, and a rate it keeps up with leaves no backlog to the first step
     * @param spreadCampaigns how many campaigns share the gifts of the spread scenario
     * @param steps rates to offer one after the other to the hot campaign, to find the knee; when empty,
     *     the two scenarios at {@code rate}
     */
    public record Options(
            int rate,
            Duration duration,
            Duration warmUp,
            Duration prime,
            int spreadCampaigns,
            int kafkaRecords,
            int mongoInserts,
            List<Integer> steps) {

        public static Options defaults() {
            return new Options(
                    300, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ZERO, 20, 100_000, 5_000, List.of());
        }

        public Options withRate(int gifts) {
            return new Options(gifts, duration, warmUp, prime, spreadCampaigns, kafkaRecords, mongoInserts, steps);
        }

        public Options withDuration(Duration measured) {
            return new Options(rate, measured, warmUp, prime, spreadCampaigns, kafkaRecords, mongoInserts, steps);
        }

        public Options withWarmUp(Duration warming) {
            return new Options(rate, duration, warming, prime, spreadCampaigns, kafkaRecords, mongoInserts, steps);
        }

        public Options withPrime(Duration priming) {
            return new Options(rate, duration, warmUp, priming, spreadCampaigns, kafkaRecords, mongoInserts, steps);
        }

        /** The rate the platform is primed at: the lowest step, or the rate of the two scenarios. */
        int primeRate() {
            return steps.stream().mapToInt(Integer::intValue).min().orElse(rate);
        }

        public Options withSpreadCampaigns(int campaigns) {
            return new Options(rate, duration, warmUp, prime, campaigns, kafkaRecords, mongoInserts, steps);
        }

        /** The raw ceilings' Kafka records, and a twentieth as many MongoDB inserts. */
        public Options withCeilingRecords(int records) {
            return new Options(rate, duration, warmUp, prime, spreadCampaigns, records, records / 20, steps);
        }

        public Options withSteps(List<Integer> rates) {
            return new Options(
                    rate, duration, warmUp, prime, spreadCampaigns, kafkaRecords, mongoInserts, List.copyOf(rates));
        }
    }

    /**
     * What a rate must hold to be under the knee (the bounds): no error, POST p99 under 500 ms,
     * progress lag p99 under 2 s, every gift shown, and the total exact within 2 s of the last gift.
     */
    static final Duration POST_P99_BOUND = Duration.ofMillis(500);

    static final Duration LAG_P99_BOUND = Duration.ofSeconds(2);
    static final Duration DRAIN_BOUND = Duration.ofSeconds(2);

    /**
     * What overload must hold, at twice the knee or more: progress lag p99 under 5 s for the gifts taken, no
     * error, and each gift that cannot be taken in time asked to come back within 50 ms (p99).
     */
    static final Duration OVERLOAD_LAG_P99_BOUND = Duration.ofSeconds(5);

    static final Duration SHED_P99_BOUND = Duration.ofMillis(50);

    /** Where the platform is: the gateway, its stores for the ceilings, its processes for CPU and memory. */
    public record Target(String gatewayUrl, String kafkaBootstrap, String mongoUri, Map<String, Long> pids) {}

    /**
     * @param rate gifts per second offered
     * @param drain from the last gift sent to every total exact
     * @param thankYousQueued from the last gift sent until every gift's thank-you email was seen queued,
     *     looked for once the totals were exact and the gifts shown; null when the queue could not be
     *     counted or did not get there within a minute
     */
    record Scenario(
            String name,
            int rate,
            Duration drain,
            @Nullable Duration thankYousQueued,
            int campaigns,
            OpenLoad.Outcome load,
            Histogram progressLags,
            long giftsNeverShown,
            long unansweredThenRecorded,
            Map<String, ProcessUsage.Usage> usageBefore,
            Map<String, ProcessUsage.Usage> usageAfter,
            CostPerGift cost) {

        /** Overload honest: every gift taken is counted in time, the others asked at once to come back. */
        boolean overloadHolds() {
            return load.errorRate() == 0
                    && progressLags.getTotalCount() > 0
                    && progressLags.getValueAtPercentile(99) < OVERLOAD_LAG_P99_BOUND.toNanos() / 1_000
                    && (load.shed() == 0
                            || load.shedLatencies().getValueAtPercentile(99) < SHED_P99_BOUND.toNanos() / 1_000);
        }

        /** Within every bound of the knee at its rate, every gift taken (none shed). */
        boolean holds() {
            return load.errorRate() == 0
                    && load.shed() == 0
                    && load.latencies().getTotalCount() > 0
                    && load.latencies().getValueAtPercentile(99) < POST_P99_BOUND.toNanos() / 1_000
                    && progressLags.getTotalCount() > 0
                    && progressLags.getValueAtPercentile(99) < LAG_P99_BOUND.toNanos() / 1_000
                    && giftsNeverShown == 0
                    && drain.compareTo(DRAIN_BOUND) <= 0;
        }
    }

    /**
     * What the gifts of a scenario's measure cost, their confirmation, counting and thank-you included: from
     * the measure's start to the moment every total is exact, every gift shown and every thank-you queued.
     *
     * @param cpuMillis CPU milliseconds per gift, by process
     * @param mongoOperations MongoDB data commands per gift, by command and collection ({@code find
     *     tirelire-donations.donations}); empty on a real MongoDB
     */
    record CostPerGift(long gifts, Map<String, Double> cpuMillis, Map<String, Double> mongoOperations) {

        static CostPerGift of(
                long gifts,
                Map<String, ProcessUsage.Usage> before,
                Map<String, ProcessUsage.Usage> after,
                Map<String, Long> operations) {
            Map<String, Double> cpu = new LinkedHashMap<>();
            after.forEach((process, usage) -> {
                ProcessUsage.Usage start = before.get(process);
                if (gifts > 0 && start != null && start.cpuSeconds() >= 0 && usage.cpuSeconds() >= 0) {
                    cpu.put(process, (usage.cpuSeconds() - start.cpuSeconds()) * 1000 / gifts);
                }
            });
            Map<String, Double> perGift = new LinkedHashMap<>();
            operations.forEach((command, count) -> perGift.put(command, gifts == 0 ? 0 : (double) count / gifts));
            return new CostPerGift(gifts, cpu, perGift);
        }

        double totalCpuMillis() {
            return cpuMillis.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** The operations per gift by command alone: find, insert, update… */
        Map<String, Double> mongoOperationsByCommand() {
            Map<String, Double> byCommand = new java.util.TreeMap<>();
            mongoOperations.forEach(
                    (counted, perGift) -> byCommand.merge(StoreOperations.commandOf(counted), perGift, Double::sum));
            return byCommand;
        }

        double totalMongoOperations() {
            return mongoOperations.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
    }

    /**
     * @param servicesRun the services' JIT and startup archive ({@link ProcessUsage#howServicesRun})
     * @param primedGifts gifts recorded while priming, before the first scenario
     */
    record Result(
            Options options,
            Instant at,
            String servicesRun,
            long primedGifts,
            List<Scenario> scenarios,
            RawCeilings.Ceilings ceilings,
            boolean totalsExact,
            long expectedCents,
            long raisedCents) {

        /** The highest rate stepped to that held every bound ({@link Scenario#holds}); empty without steps. */
        Optional<Scenario> knee() {
            if (options.steps().isEmpty()) {
                return Optional.empty();
            }
            return scenarios.stream().filter(Scenario::holds).max(Comparator.comparingInt(Scenario::rate));
        }

        /** The lowest rate stepped to at twice the knee or more, for the overload bounds. */
        Optional<Scenario> overload() {
            return knee().flatMap(knee -> scenarios.stream()
                    .filter(step -> step.rate() >= 2 * knee.rate())
                    .min(Comparator.comparingInt(Scenario::rate)));
        }
    }

    private final Target target;
    private final Options options;
    private final Consumer<String> say;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** What each campaign must show at the end: the sum of its gifts answered 201. */
    private final Map<String, AtomicLong> expectedCents = new ConcurrentHashMap<>();
    /** Gifts recorded since the run began (answered 201, or settled), each thanked by one email. */
    private final AtomicLong giftsRecorded = new AtomicLong();
    /** The emails queued before the run's first gift. */
    private long emailsBefore;

    public Benchmark(Target target, Options options, Consumer<String> say) {
        this.target = target;
        this.options = options;
        this.say = say;
    }

    public Result run() throws Exception {
        try (QueuedEmails emails = new QueuedEmails(target.mongoUri())) {
            return run(emails);
        }
    }

    private Result run(QueuedEmails emails) throws Exception {
        Instant at = Instant.now();
        String token = organiser();
        List<String> spread = new ArrayList<>();
        for (int i = 0; options.steps().isEmpty() && i < options.spreadCampaigns(); i++) {
            spread.add(liveCampaign(token, "Banc d'essai " + (i + 1)));
        }
        // No wait for the publications to reach donation-service: a gift to a campaign it has not heard of
        // yet waits for it there, and each scenario's warm-up is not measured.
        String hot = liveCampaign(token, "Gala en direct");
        emailsBefore = emails.count();
        long primedGifts = 0;
        if (!options.prime().isZero()) {
            say.accept("Priming: " + options.prime().toSeconds() + " s at " + options.primeRate()
                    + " gifts/s to the hot campaign, not measured…");
            primedGifts = unmeasured(
                    new OpenLoad(http, target.gatewayUrl()),
                    options.primeRate(),
                    options.prime(),
                    List.of(hot),
                    Duration.ofSeconds(120));
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (options.steps().isEmpty()) {
            scenarios.add(scenario("spread over " + spread.size() + " campaigns", spread, options.rate(), emails));
            scenarios.add(scenario("one hot campaign", List.of(hot), options.rate(), emails));
        } else {
            for (int rate : options.steps()) {
                scenarios.add(scenario("one hot campaign at " + rate + " gifts/s", List.of(hot), rate, emails));
            }
        }

        say.accept("Waiting for every total to settle…");
        List<String> all = new ArrayList<>(spread);
        all.add(hot);
        boolean exact = waitForExactTotals(all, Duration.ofSeconds(120));
        long expected =
                all.stream().mapToLong(id -> expectedCents.get(id).get()).sum();
        long raised = all.stream().mapToLong(this::raised).sum();

        say.accept("Measuring the raw ceilings: " + options.kafkaRecords() + " Kafka records, " + options.mongoInserts()
                + " MongoDB inserts…");
        RawCeilings.Ceilings ceilings = RawCeilings.measure(
                target.kafkaBootstrap(), target.mongoUri(), options.kafkaRecords(), options.mongoInserts());
        return new Result(
                options,
                at,
                ProcessUsage.howServicesRun(target.pids()),
                primedGifts,
                scenarios,
                ceilings,
                exact,
                expected,
                raised);
    }

    /**
     * Gifts that are not measured (the priming, a scenario's warm-up): sent at {@code rate} for
     * {@code duration}, those left unanswered sent again with their key, then the totals awaited for up to
     * {@code settleWithin}. Returns how many were recorded.
     */
    private long unmeasured(OpenLoad load, int rate, Duration duration, List<String> campaigns, Duration settleWithin)
            throws Exception {
        OpenLoad.Outcome sent = load.run(rate, duration, i -> gift(campaigns.get(i % campaigns.size()), null));
        long recorded = sent.accepted() + load.settle(sent.unanswered(), SETTLE_ATTEMPTS);
        if (recorded < sent.sent()) {
            // Not measured, but a gift refused is worth knowing about: say how, and the first answer of each kind.
            say.accept(
                    "  " + (sent.sent() - recorded) + " of these " + sent.sent() + " gifts were not recorded; answers "
                            + sent.statuses() + ", the first of each: " + sent.refusals());
        }
        waitForExactTotals(campaigns, settleWithin);
        return recorded;
    }

    private Scenario scenario(String name, List<String> campaigns, int rate, QueuedEmails emails) throws Exception {
        say.accept("Scenario " + name + ": warming up " + options.warmUp().toSeconds() + " s at " + rate + " gifts/s…");
        OpenLoad load = new OpenLoad(http, target.gatewayUrl());
        unmeasured(load, rate, options.warmUp(), campaigns, Duration.ofSeconds(60));
        // The thank-yous of earlier gifts are queued first: their work is not this measure's.
        if (!everyThankYouQueued(emails, Duration.ofSeconds(120))) {
            say.accept("Scenario " + name + ": the thank-yous of earlier gifts are still being queued");
        }

        List<String> watched = campaigns.subList(0, Math.min(10, campaigns.size()));
        Map<String, Long> baseline = new LinkedHashMap<>();
        watched.forEach(id -> baseline.put(id, donationCount(id)));
        try (ProgressWatch watch = new ProgressWatch(http, target.gatewayUrl(), watched, baseline)) {
            if (!watch.awaitConnected(Duration.ofSeconds(10))) {
                say.accept("Scenario " + name + ": some progress streams did not open; their gifts count as unseen");
            }
            Map<String, ProcessUsage.Usage> before = ProcessUsage.of(target.pids());
            Map<String, Long> operationsBefore = StoreOperations.read(target.mongoUri());
            long countsBefore = emails.countsSent();
            say.accept("Scenario " + name + ": measuring " + options.duration().toSeconds() + " s at " + rate
                    + " gifts/s…");
            OpenLoad.Outcome outcome =
                    load.run(rate, options.duration(), i -> gift(campaigns.get(i % campaigns.size()), watch));
            long lastGiftSent = System.nanoTime();
            Map<String, ProcessUsage.Usage> after = ProcessUsage.of(target.pids());
            if (!outcome.unanswered().isEmpty()) {
                say.accept("Scenario " + name + ": " + outcome.unanswered().size()
                        + " gifts were shed, got an error or no answer; sending each again with its Idempotency-Key…");
            }
            long settled = load.settle(outcome.unanswered(), SETTLE_ATTEMPTS);
            boolean exact = waitForExactTotals(campaigns, Duration.ofSeconds(60));
            // Past the wait, the drain counts as longer than any bound.
            Duration drain = exact ? Duration.ofNanos(System.nanoTime() - lastGiftSent) : Duration.ofDays(1);
            // Gifts a stream never shows within the wait count as unseen in the report.
            watch.awaitEveryGiftShown(Duration.ofSeconds(10));
            // Checked once the totals are exact and the gifts shown: at most this long, never less than the drain.
            Duration thankYousQueued = everyThankYouQueued(emails, Duration.ofSeconds(60))
                    ? Duration.ofNanos(System.nanoTime() - lastGiftSent)
                    : null;
            Map<String, ProcessUsage.Usage> settledUsage = ProcessUsage.of(target.pids());
            Map<String, Long> operations = StoreOperations.between(
                    operationsBefore, emails.withoutOwn(StoreOperations.read(target.mongoUri()), countsBefore));
            long[] unseen = new long[1];
            Histogram lags = watch.lags(unseen);
            CostPerGift cost = CostPerGift.of(outcome.accepted() + settled, before, settledUsage, operations);
            return new Scenario(
                    name,
                    rate,
                    drain,
                    thankYousQueued,
                    campaigns.size(),
                    outcome,
                    lags,
                    unseen[0],
                    settled,
                    before,
                    after,
                    cost);
        }
    }

    private OpenLoad.Shot gift(String campaignId, ProgressWatch watch) {
        long amount = 500 + (long) (Math.random() * 4_500);
        String key = UUID.randomUUID().toString();
        String body = "{\"campaignId\":\"" + campaignId + "\",\"amount\":{\"amount\":" + amount
                + ",\"currency\":\"EUR\"},\"donor\":{\"firstName\":\"Banc\",\"lastName\":\"Essai\",\"email\":\"banc-"
                + key + "@example.org\"},\"paymentMethod\":\"pm_sandbox_ok\"}";
        Runnable recorded = () -> {
            expectedCents.computeIfAbsent(campaignId, id -> new AtomicLong()).addAndGet(amount);
            giftsRecorded.incrementAndGet();
        };
        return new OpenLoad.Shot(
                "/api/donations", body, Map.of("Idempotency-Key", key), recorded, (answered, response) -> {
                    if (watch != null && watch.watches(campaignId)) {
                        watch.accepted(campaignId, answered);
                    }
                });
    }

    private boolean waitForExactTotals(List<String> campaigns, Duration timeout) throws InterruptedException {
        return within(
                timeout,
                () -> campaigns.stream()
                        .allMatch(id -> raised(id)
                                == expectedCents
                                        .computeIfAbsent(id, k -> new AtomicLong())
                                        .get()));
    }

    /** Whether every gift recorded so far has its thank-you queued within {@code timeout}; false if uncounted. */
    private boolean everyThankYouQueued(QueuedEmails emails, Duration timeout) throws InterruptedException {
        return emailsBefore >= 0 && within(timeout, () -> emails.count() >= emailsBefore + giftsRecorded.get());
    }

    /** Asks the platform every 250 ms until the condition holds, at most {@code timeout}. */
    private static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private long raised(String campaignId) {
        return progress(campaignId).path("raised").path("amount").asLong(-1);
    }

    private long donationCount(String campaignId) {
        return progress(campaignId).path("donationCount").asLong(0);
    }

    private JsonNode progress(String campaignId) {
        return get("/api/campaigns/" + campaignId + "/progress");
    }

    private String organiser() throws Exception {
        String email = "banc-" + UUID.randomUUID() + "@example.org";
        post(
                "/api/auth/signup",
                null,
                Map.of("email", email, "password", PASSWORD, "organisationName", "Banc d'essai"));
        return post("/api/auth/login", null, Map.of("email", email, "password", PASSWORD))
                .path("accessToken")
                .asString();
    }

    private String liveCampaign(String token, String title) throws Exception {
        String id = post(
                        "/api/campaigns",
                        token,
                        Map.of(
                                "title",
                                title,
                                "summary",
                                "Campagne du banc d'essai",
                                "goal",
                                Map.of("amount", 100_000_000, "currency", "EUR"),
                                "endsAt",
                                Instant.now().plus(Duration.ofDays(30)).toString()))
                .path("id")
                .asString();
        post("/api/campaigns/" + id + "/publish", token, Map.of());
        expectedCents.put(id, new AtomicLong());
        return id;
    }

    private JsonNode post(String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.gatewayUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(target.gatewayUrl() + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (Exception unreachable) {
            return JSON.createObjectNode();
        }
    }
}
