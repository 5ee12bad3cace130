package org.tirelire.local.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tirelire.local.FileTrees;
import org.tirelire.local.LocalPlatform;
import org.tirelire.local.PlatformPorts;

/**
 * {@code ./tirelire bench [--rate N | --steps N,N,…] [--duration S] [--campaigns N] [--prime S] [--out DIR]} (and, for a
 * short smoke run, {@code --warm-up S --ceiling-records N}): benchmarks the platform
 * running on this machine ({@code ./tirelire up}), or, when none is, one it starts for the run with rate
 * limits off (a benchmark from one address would otherwise measure the rate limiter). Writes the report
 * to {@code bench-reports/} and prints where.
 */
public final class BenchCommand {

    private BenchCommand() {}

    public static int run(List<String> arguments, Path home, Consumer<String> say) throws Exception {
        return run(arguments, home, System.getenv(), say);
    }

    /**
     * @param environment where a running platform is looked for ({@code TIRELIRE_*_PORT},
     *     {@code TIRELIRE_DATA_DIR}), and what a platform started for the run inherits
     */
    public static int run(List<String> arguments, Path home, Map<String, String> environment, Consumer<String> say)
            throws Exception {
        Benchmark.Options options = Benchmark.Options.defaults();
        Path out = home.resolve("bench-reports");
        for (int i = 0; i < arguments.size(); i += 2) {
            String option = arguments.get(i);
            String value = i + 1 < arguments.size() ? arguments.get(i + 1) : "";
            switch (option) {
                case "--rate" -> options = options.withRate(Integer.parseInt(value));
                case "--duration" -> options = options.withDuration(Duration.ofSeconds(Long.parseLong(value)));
                case "--campaigns" -> options = options.withSpreadCampaigns(Integer.parseInt(value));
                case "--warm-up" -> options = options.withWarmUp(Duration.ofSeconds(Long.parseLong(value)));
                case "--prime" -> options = options.withPrime(Duration.ofSeconds(Long.parseLong(value)));
                case "--ceiling-records" -> options = options.withCeilingRecords(Integer.parseInt(value));
                case "--steps" ->
                    options = options.withSteps(Arrays.stream(value.split(","))
                            .map(String::strip)
                            .map(Integer::valueOf)
                            .toList());
                case "--out" -> out = Path.of(value);
                default -> {
                    say.accept("Unknown option " + option
                            + ". Usage: ./tirelire bench [--rate N | --steps N,N,…] [--duration SECONDS] [--campaigns N]"
                            + " [--prime SECONDS] [--out DIR]");
                    return 2;
                }
            }
        }
        PlatformPorts ports = PlatformPorts.fromEnvironment(environment::get);
        if (listens(ports.gateway())) {
            Path dataDir = environment.getOrDefault("TIRELIRE_DATA_DIR", "").isBlank()
                    ? home.resolve(".tirelire")
                    : Path.of(environment.get("TIRELIRE_DATA_DIR"));
            say.accept("Benchmarking the platform running on http://localhost:" + ports.gateway()
                    + " (start it with TIRELIRE_RATE_LIMITS_ENABLED=false, or its rate limits answer 429).");
            Benchmark.Target target = new Benchmark.Target(
                    "http://localhost:" + ports.gateway(),
                    "127.0.0.1:" + ports.kafka(),
                    "mongodb://127.0.0.1:" + ports.mongo(),
                    LocalPlatform.recordedPids(dataDir));
            return report(new Benchmark(target, options, say).run(), out, say);
        }
        say.accept(
                "No platform runs on port " + ports.gateway() + ": starting one for the benchmark (rate limits off)…");
        Map<String, String> benchEnvironment = new HashMap<>(environment);
        benchEnvironment.put("TIRELIRE_RATE_LIMITS_ENABLED", "false");
        Path dataDir = Files.createTempDirectory("tirelire-bench-");
        int exitCode = 1;
        try (LocalPlatform platform = LocalPlatform.builder()
                .home(home)
                .dataDir(dataDir)
                .ports(PlatformPorts.random())
                .environment(benchEnvironment)
                .build()
                .start()) {
            Benchmark.Target target = new Benchmark.Target(
                    platform.endpoints().gatewayUrl(),
                    platform.endpoints().kafkaBootstrapServers(),
                    platform.endpoints().mongoUri(),
                    platform.pids());
            exitCode = report(new Benchmark(target, options, say).run(), out, say);
        } finally {
            keepOnlyToLookInto(dataDir, exitCode == 0, say);
        }
        return exitCode;
    }

    /**
     * The data of the platform started for the run, half a gigabyte after a long one: removed when every
     * total came out exact, kept (and said where) when something is to be looked into.
     */
    private static void keepOnlyToLookInto(Path dataDir, boolean allExact, Consumer<String> say) {
        if (allExact) {
            try {
                FileTrees.deleteTree(dataDir);
                return;
            } catch (IOException stillInUse) {
                say.accept("Could not remove the benchmark platform's data (" + stillInUse + ").");
            }
        }
        say.accept("The benchmark platform's data and logs are in " + dataDir
                + " (start it again with TIRELIRE_DATA_DIR=" + dataDir + " ./tirelire up).");
    }

    private static int report(Benchmark.Result result, Path out, Consumer<String> say) throws IOException {
        Path report = BenchReport.write(result, out);
        say.accept("");
        say.accept(BenchReport.markdown(result));
        say.accept("Report: " + report + " (and .json beside it)");
        return result.totalsExact() ? 0 : 1;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
