package org.tirelire.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The benchmark's findings as Markdown (to read) and JSON (to compare runs), side by side. */
final class BenchReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchReport() {}

    /** Writes {@code bench-<time>.md} and {@code .json} in {@code directory}; returns the Markdown file. */
    static Path write(Benchmark.Result result, Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(result.at());
        Path markdown = directory.resolve("bench-" + stamp + ".md");
        if (result.scenarios().size() > 1 && !result.options().steps().isEmpty()) {
            BenchChart.write(result, directory.resolve("bench-" + stamp + ".png"));
        }
        Files.writeString(markdown, markdown(result, "bench-" + stamp + ".png"));
        Files.writeString(
                directory.resolve("bench-" + stamp + ".json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(result)));
        return markdown;
    }

    static String markdown(Benchmark.Result result) {
        return markdown(result, null);
    }

    /** @param chart the chart's file name beside the report, when rates were stepped */
    static String markdown(Benchmark.Result result, String chart) {
        StringBuilder md = new StringBuilder();
        Benchmark.Options options = result.options();
        md.append("# Tirelire benchmark, ").append(result.at()).append("\n\n");
        md.append(knee(result, chart));
        md.append(String.format(
                Locale.ROOT,
                "Open model: %s gifts/s offered for %d s per scenario (after %d s of warm-up; the platform primed %d s"
                        + " before), through the gateway. "
                        + "Machine: %d cores, Java %s (services: %s). Latency is measured from each gift's intended start "
                        + "(no coordinated omission).%n%n",
                options.steps().isEmpty()
                        ? String.valueOf(options.rate())
                        : options.steps().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                options.duration().toSeconds(),
                options.warmUp().toSeconds(),
                options.prime().toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                result.servicesRun()));
        md.append(
                "| scenario | accepted gifts/s | errors | POST p50 | p99 | p99.9 | max | progress lag p50 | p99 | gifts never shown |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Benchmark.Scenario scenario : result.scenarios()) {
            OpenLoad.Outcome load = scenario.load();
            Histogram lag = scenario.progressLags();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.2f %% %s | %s | %s | %s | %s | %s | %s | %d |%n",
                    scenario.name(),
                    load.acceptedPerSecond(),
                    load.errorRate() * 100,
                    load.statuses(),
                    ms(load.latencies(), 50),
                    ms(load.latencies(), 99),
                    ms(load.latencies(), 99.9),
                    ms(load.latencies().getMaxValue()),
                    ms(lag, 50),
                    ms(lag, 99),
                    scenario.giftsNeverShown()));
        }
        for (Benchmark.Scenario scenario : result.scenarios()) {
            scenario.load()
                    .refusals()
                    .forEach((status, body) -> md.append(String.format(
                            Locale.ROOT,
                            "%n%s, first %d answer: `%s`%n",
                            scenario.name(),
                            status,
                            body.replace('`', '\'').replace('\n', ' '))));
        }
        for (Benchmark.Scenario scenario : result.scenarios()) {
            if (!scenario.load().unanswered().isEmpty()) {
                md.append(String.format(
                        Locale.ROOT,
                        "%n%s: of the %d gifts shed, refused with an error or left unanswered, %d were recorded "
                                + "(then, or when sent again with the same Idempotency-Key after the measure); "
                                + "the totals below count them.%n",
                        scenario.name(),
                        scenario.load().unanswered().size(),
                        scenario.unansweredThenRecorded()));
            }
        }
        if (result.options().steps().isEmpty() && result.scenarios().size() == 2) {
            double spread = result.scenarios().get(0).load().acceptedPerSecond();
            double hot = result.scenarios().get(1).load().acceptedPerSecond();
            md.append(String.format(
                    Locale.ROOT, "%nHot campaign / spread: %.2f of the throughput.%n", spread == 0 ? 0 : hot / spread));
        }
        md.append("\n## Raw ceilings on this machine, same run\n\n");
        RawCeilings.Ceilings ceilings = result.ceilings();
        double best = result.scenarios().stream()
                .mapToDouble(s -> s.load().acceptedPerSecond())
                .max()
                .orElse(0);
        md.append(String.format(
                Locale.ROOT,
                "| store | raw rate | platform gifts/s as a fraction |%n|---|---|---|%n"
                        + "| Kafka producer (acks=all, 700-byte records) | %.0f records/s | %.4f |%n"
                        + "| MongoDB driver, one insert at a time | %.0f inserts/s | %.4f |%n",
                ceilings.kafkaRecordsPerSecond(),
                best / ceilings.kafkaRecordsPerSecond(),
                ceilings.mongoInsertsPerSecond(),
                best / ceilings.mongoInsertsPerSecond()));
        md.append(
                "\n## CPU and memory of each process\n\n| scenario | process | CPU seconds during the measure | CPU cores used | peak resident memory |\n|---|---|---|---|---|\n");
        for (Benchmark.Scenario scenario : result.scenarios()) {
            double seconds = scenario.load().elapsed().toNanos() / 1e9;
            scenario.usageAfter().forEach((process, after) -> {
                ProcessUsage.Usage before = scenario.usageBefore().get(process);
                double cpu = before == null || after.cpuSeconds() < 0 ? -1 : after.cpuSeconds() - before.cpuSeconds();
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.1f | %.2f | %d MB |%n",
                        scenario.name(),
                        process,
                        cpu,
                        cpu < 0 ? -1 : cpu / seconds,
                        after.peakResidentBytes() / (1024 * 1024)));
            });
        }
        md.append(costPerGift(result));
        md.append(String.format(
                Locale.ROOT,
                "%n## Totals%n%nEvery campaign's total equals the sum of its gifts answered 201: **%s** "
                        + "(expected %d cents, shown %d cents).%n",
                result.totalsExact() ? "yes" : "NO",
                result.expectedCents(),
                result.raisedCents()));
        return md.toString();
    }

    /**
     * The headline of a stepped run: the highest rate that held every bound, its ratio to the raw ceilings,
     * and each step against the bounds. Empty for a run at one rate.
     */
    static String knee(Benchmark.Result result, String chart) {
        if (result.options().steps().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Knee\n\n");
        Optional<Benchmark.Scenario> knee = result.knee();
        if (knee.isPresent()) {
            Benchmark.Scenario at = knee.get();
            md.append(String.format(
                    Locale.ROOT,
                    "**Knee: %d gifts/s** on one hot campaign (POST p99 %s, progress lag p99 %s, total exact %.1f s"
                            + " after the last gift): %.4f of the raw Kafka producer's rate, %.3f of the raw MongoDB"
                            + " inserts', same run.%n%n",
                    at.rate(),
                    ms(at.load().latencies(), 99),
                    ms(at.progressLags(), 99),
                    at.drain().toMillis() / 1000.0,
                    at.rate() / result.ceilings().kafkaRecordsPerSecond(),
                    at.rate() / result.ceilings().mongoInsertsPerSecond()));
        } else {
            md.append("**No rate offered held every bound.**\n\n");
        }
        md.append(String.format(
                Locale.ROOT,
                "A rate holds when no gift gets an error or is shed, POST p99 < %d ms, progress lag p99 < %d s, every gift is"
                        + " shown, and the total is exact within %d s of the last gift.%n%n",
                Benchmark.POST_P99_BOUND.toMillis(),
                Benchmark.LAG_P99_BOUND.toSeconds(),
                Benchmark.DRAIN_BOUND.toSeconds()));
        md.append(
                "| offered gifts/s | accepted gifts/s | errors | shed | shed answer p99 | POST p50 | POST p99 | lag p99 |"
                        + " total exact after | thank-yous queued within | CPU ms per gift | MongoDB operations per gift |"
                        + " holds |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Benchmark.Scenario step : result.scenarios()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %.1f | %.2f %% | %.2f %% | %s | %s | %s | %s | %s | %s | %.1f | %s | %s |%n",
                    step.rate(),
                    step.load().acceptedPerSecond(),
                    step.load().errorRate() * 100,
                    step.load().shedRate() * 100,
                    step.load().shed() == 0 ? "–" : ms(step.load().shedLatencies(), 99),
                    ms(step.load().latencies(), 50),
                    ms(step.load().latencies(), 99),
                    ms(step.progressLags(), 99),
                    step.drain().toDays() > 0
                            ? "over 60 s"
                            : String.format(Locale.ROOT, "%.1f s", step.drain().toMillis() / 1000.0),
                    step.thankYousQueued() == null
                            ? "over 60 s"
                            : String.format(
                                    Locale.ROOT,
                                    "%.1f s",
                                    step.thankYousQueued().toMillis() / 1000.0),
                    step.cost().totalCpuMillis(),
                    step.cost().mongoOperations().isEmpty()
                            ? "n/a"
                            : String.format(Locale.ROOT, "%.1f", step.cost().totalMongoOperations()),
                    step.holds() ? "yes" : "no"));
        }
        result.overload()
                .ifPresent(overload -> md.append(String.format(
                        Locale.ROOT,
                        "%nAt %d gifts/s, %s the knee: %.1f gifts/s taken, %.2f %% shed (answered in %s at p99), progress"
                                + " lag p99 %s. Overload %s: it holds when no gift gets an error, the lag p99 stays"
                                + " under %d s and a shed gift is answered within %d ms.%n",
                        overload.rate(),
                        overload.rate() == 2 * result.knee().orElseThrow().rate() ? "twice" : "over twice",
                        overload.load().acceptedPerSecond(),
                        overload.load().shedRate() * 100,
                        overload.load().shed() == 0 ? "–" : ms(overload.load().shedLatencies(), 99),
                        ms(overload.progressLags(), 99),
                        overload.overloadHolds() ? "**holds**" : "**does not hold**",
                        Benchmark.OVERLOAD_LAG_P99_BOUND.toSeconds(),
                        Benchmark.SHED_P99_BOUND.toMillis())));
        if (chart != null && result.scenarios().size() > 1) {
            md.append("\n![POST p99 and progress lag p99 by rate offered](")
                    .append(chart)
                    .append(")\n");
        }
        return md.append("\n").toString();
    }

    /**
     * CPU milliseconds and MongoDB operations per gift, each scenario from its measure's start until every
     * gift of it was confirmed, counted and shown.
     */
    static String costPerGift(Benchmark.Result result) {
        StringBuilder md = new StringBuilder("\n## Cost per gift\n\n");
        md.append("From the start of each measure until its totals were exact, its gifts shown and their thank-you"
                + " emails queued: the work of taking, confirming, counting, announcing and thanking each gift. The"
                + " thank-yous of earlier gifts are queued before a measure starts. \"Thank-yous queued within\" is"
                + " looked at once the total is exact and the gifts shown, so it is never less than the total's"
                + " time.\n\n");
        md.append("| scenario | gifts | CPU ms per gift, all processes | of which | MongoDB operations per gift |"
                + " of which |\n|---|---|---|---|---|---|\n");
        for (Benchmark.Scenario scenario : result.scenarios()) {
            Benchmark.CostPerGift cost = scenario.cost();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f | %s | %s | %s |%n",
                    scenario.name(),
                    cost.gifts(),
                    cost.totalCpuMillis(),
                    breakdown(cost.cpuMillis()),
                    cost.mongoOperations().isEmpty()
                            ? "n/a (not counted by this MongoDB)"
                            : String.format(Locale.ROOT, "%.1f", cost.totalMongoOperations()),
                    breakdown(cost.mongoOperationsByCommand())));
        }
        // Where the store's work goes, for the last scenario (the hot campaign, or the highest rate).
        Benchmark.Scenario last = result.scenarios().get(result.scenarios().size() - 1);
        if (!last.cost().mongoOperations().isEmpty()) {
            md.append(String.format(
                    Locale.ROOT,
                    "%nMongoDB operations per gift by collection, %s: %s.%n",
                    last.name(),
                    breakdown(last.cost().mongoOperations())));
        }
        return md.toString();
    }

    /** The largest parts first: "donation-service 4.1, mongo 2.0, …". */
    private static String breakdown(Map<String, Double> parts) {
        return parts.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(part -> String.format(Locale.ROOT, "%s %.1f", part.getKey(), part.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static ObjectNode json(Benchmark.Result result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("at", result.at().toString());
        root.put("rate", result.options().rate());
        root.put("durationSeconds", result.options().duration().toSeconds());
        root.put("primeSeconds", result.options().prime().toSeconds());
        root.put("primedGifts", result.primedGifts());
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("java", System.getProperty("java.version"));
        root.put("servicesRun", result.servicesRun());
        if (!result.options().steps().isEmpty()) {
            ArrayNode steps = root.putArray("steps");
            result.options().steps().forEach(steps::add);
            result.knee().ifPresentOrElse(knee -> root.put("knee", knee.rate()), () -> root.putNull("knee"));
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (Benchmark.Scenario scenario : result.scenarios()) {
            ObjectNode node = scenarios.addObject();
            OpenLoad.Outcome load = scenario.load();
            node.put("name", scenario.name());
            node.put("rate", scenario.rate());
            node.put("drainMs", scenario.drain().toMillis());
            if (scenario.thankYousQueued() == null) {
                node.putNull("thankYousQueuedMs");
            } else {
                node.put("thankYousQueuedMs", scenario.thankYousQueued().toMillis());
            }
            node.put("holds", scenario.holds());
            node.put("campaigns", scenario.campaigns());
            node.put("sent", load.sent());
            node.put("accepted", load.accepted());
            node.put("acceptedPerSecond", load.acceptedPerSecond());
            node.put("errorRate", load.errorRate());
            node.put("shed", load.shed());
            node.put("shedAnswerP99Ms", load.shed() == 0 ? 0 : millis(load.shedLatencies(), 99));
            ObjectNode statuses = node.putObject("statuses");
            load.statuses().forEach((status, count) -> statuses.put(String.valueOf(status), count));
            node.put("connectionFailures", load.failures());
            ObjectNode refusals = node.putObject("firstRefusals");
            load.refusals().forEach((status, body) -> refusals.put(String.valueOf(status), body));
            ObjectNode latency = node.putObject("postDonationsLatencyMs");
            latency.put("p50", millis(load.latencies(), 50));
            latency.put("p99", millis(load.latencies(), 99));
            latency.put("p99.9", millis(load.latencies(), 99.9));
            latency.put("max", load.latencies().getMaxValue() / 1000.0);
            ObjectNode lag = node.putObject("progressLagMs");
            lag.put("p50", millis(scenario.progressLags(), 50));
            lag.put("p99", millis(scenario.progressLags(), 99));
            lag.put("giftsNeverShown", scenario.giftsNeverShown());
            node.put("unanswered", scenario.load().unanswered().size());
            node.put("unansweredThenRecorded", scenario.unansweredThenRecorded());
            ObjectNode processes = node.putObject("processes");
            scenario.usageAfter().forEach((process, after) -> {
                ObjectNode p = processes.putObject(process);
                ProcessUsage.Usage before = scenario.usageBefore().get(process);
                p.put("cpuSeconds", before == null ? -1 : after.cpuSeconds() - before.cpuSeconds());
                p.put("peakResidentBytes", after.peakResidentBytes());
            });
            ObjectNode cost = node.putObject("costPerGift");
            cost.put("gifts", scenario.cost().gifts());
            cost.put("cpuMillis", scenario.cost().totalCpuMillis());
            ObjectNode cpu = cost.putObject("cpuMillisByProcess");
            scenario.cost().cpuMillis().forEach(cpu::put);
            if (!scenario.cost().mongoOperations().isEmpty()) {
                cost.put("mongoOperations", scenario.cost().totalMongoOperations());
                ObjectNode operations = cost.putObject("mongoOperationsByCommand");
                scenario.cost().mongoOperationsByCommand().forEach(operations::put);
                ObjectNode collections = cost.putObject("mongoOperationsByCollection");
                scenario.cost().mongoOperations().forEach(collections::put);
            }
        }
        ObjectNode ceilings = root.putObject("rawCeilings");
        ceilings.put("kafkaRecordsPerSecond", result.ceilings().kafkaRecordsPerSecond());
        ceilings.put("mongoInsertsPerSecond", result.ceilings().mongoInsertsPerSecond());
        root.put("totalsExact", result.totalsExact());
        root.put("expectedCents", result.expectedCents());
        root.put("raisedCents", result.raisedCents());
        return root;
    }

    private static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0
                ? "–"
                : String.format(Locale.ROOT, "%.1f ms", millis(histogram, percentile));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static double millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
