package org.tirelire.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tirelire.local.bench.BenchCommand;
import tools.jackson.databind.JsonNode;

/**
 * A short run of {@code ./tirelire bench} (CI runs only this smoke; the real measure is a command) on the
 * shared platform, found running as a user's would be: it sends gifts at a constant rate in both
 * scenarios (20 a second, well within the rate limits), measures the raw ceilings, and writes a Markdown
 * and a JSON report whose totals are exact.
 */
@ExtendWith(SharedPlatform.class)
@Order(4)
class BenchmarkSmokeIT {

    private static final Path HOME =
            Path.of(System.getProperty("tirelire.home", "..")).toAbsolutePath().normalize();

    @Test
    void a_short_benchmark_writes_its_report_with_exact_totals() throws Exception {
        Path out = Path.of("target", "bench-smoke").toAbsolutePath();
        Path json = benchmark(
                out,
                "--rate",
                "20",
                "--duration",
                "5",
                "--warm-up",
                "2",
                "--campaigns",
                "3",
                "--ceiling-records",
                "2000");
        assertThat(Path.of(json.toString().replace(".json", ".md"))).exists();
        JsonNode report = Gateway.parse(Files.readString(json));
        assertThat(report.get("totalsExact").asBoolean()).isTrue();
        assertThat(report.get("scenarios")).hasSize(2);
        for (JsonNode scenario : report.get("scenarios")) {
            assertThat(scenario.get("accepted").asLong())
                    .as(scenario.get("name").asString())
                    .isEqualTo(100);
            assertThat(scenario.get("postDonationsLatencyMs").get("p99").asDouble())
                    .isPositive();
            assertThat(scenario.get("progressLagMs").get("giftsNeverShown").asLong())
                    .isZero();
            assertThat(scenario.get("processes")).hasSizeGreaterThanOrEqualTo(7);
            assertThat(scenario.get("thankYousQueuedMs").isNumber())
                    .as("every gift's thank-you queued within the minute the report waits for")
                    .isTrue();
            // What each gift cost, from the services' CPU and the embedded MongoDB's own counters.
            JsonNode cost = scenario.get("costPerGift");
            assertThat(cost.get("gifts").asLong()).isEqualTo(100);
            assertThat(cost.get("cpuMillisByProcess").get("donation-service").asDouble())
                    .isPositive();
            assertThat(cost.get("mongoOperationsByCommand").get("insert").asDouble())
                    .as("each gift stores its donation at least")
                    .isGreaterThanOrEqualTo(1.0);
        }
        assertThat(report.get("rawCeilings").get("kafkaRecordsPerSecond").asDouble())
                .isPositive();
        assertThat(report.get("rawCeilings").get("mongoInsertsPerSecond").asDouble())
                .isPositive();
    }

    @Test
    void a_stepped_benchmark_finds_the_knee_against_its_bounds_and_draws_it() throws Exception {
        Path out = Path.of("target", "bench-steps-smoke").toAbsolutePath();
        Path json = benchmark(
                out,
                "--steps",
                "5,15",
                "--duration",
                "3",
                "--warm-up",
                "1",
                "--prime",
                "2",
                "--ceiling-records",
                "2000");
        JsonNode report = Gateway.parse(Files.readString(json));
        assertThat(report.get("steps").valueStream().map(JsonNode::asInt)).containsExactly(5, 15);
        assertThat(report.get("primeSeconds").asLong()).isEqualTo(2);
        assertThat(report.get("primedGifts").asLong())
                .as("two seconds at the lowest step, 5 gifts/s, every gift recorded")
                .isEqualTo(10);
        assertThat(report.get("servicesRun").asString())
                .as("the system tests' services: C1 (TIRELIRE_JIT=quick), from their startup archives")
                .startsWith("C1 only, ")
                .doesNotEndWith("no startup archive");
        assertThat(report.get("scenarios")).hasSize(2);
        for (JsonNode step : report.get("scenarios")) {
            assertThat(step.get("accepted").asLong()).isEqualTo(step.get("rate").asLong() * 3);
            assertThat(step.get("holds").isBoolean()).isTrue();
        }
        // The knee is the highest step that held, or none: never a rate that did not.
        JsonNode knee = report.get("knee");
        if (!knee.isNull()) {
            assertThat(report.get("scenarios")
                            .valueStream()
                            .filter(step -> step.get("rate").asInt() == knee.asInt())
                            .findFirst()
                            .orElseThrow()
                            .get("holds")
                            .asBoolean())
                    .isTrue();
        }
        byte[] png = Files.readAllBytes(Path.of(json.toString().replace(".json", ".png")));
        assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(Path.of(json.toString().replace(".json", ".md"))))
                .contains("## Knee")
                .contains("![POST p99 and progress lag p99 by rate offered](");
    }

    /** Runs {@code ./tirelire bench} with {@code options} on the shared platform; returns its JSON report. */
    private static Path benchmark(Path out, String... options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--out", out.toString()));
        List<String> printed = new ArrayList<>();
        int exit = BenchCommand.run(arguments, HOME, SharedPlatform.environment(), printed::add);
        assertThat(exit).as(String.join("\n", printed)).isZero();
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }
}
