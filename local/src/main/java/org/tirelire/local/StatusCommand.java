package org.tirelire.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./tirelire status}, from another terminal: each process of the running platform with its pid,
 * port, health, uptime, restarts and memory, read from the launcher's status file and asked of each
 * process now.
 */
final class StatusCommand {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private StatusCommand() {}

    /** @return the exit code: 0 when every part is up, 1 when one is not, 3 when nothing runs */
    static int run(Path dataDir, Consumer<String> say) {
        PlatformStatus.Snapshot status;
        try {
            status = PlatformStatus.read(dataDir);
        } catch (IOException | RuntimeException nothing) {
            say.accept("Tirelire is not running on " + dataDir + " (start it with ./tirelire up).");
            return 3;
        }
        if (ProcessHandle.of(status.launcherPid())
                .filter(ProcessHandle::isAlive)
                .isEmpty()) {
            say.accept("Tirelire is not running on " + dataDir + ": its launcher (pid " + status.launcherPid()
                    + ") has stopped.");
            return 3;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PROCESS", "PID", "PORT", "HEALTH", "UPTIME", "RESTARTS", "MEMORY"});
        boolean allUp = true;
        for (PlatformStatus.Part part : status.parts()) {
            Optional<ProcessHandle> process = ProcessHandle.of(part.pid()).filter(ProcessHandle::isAlive);
            String health = part.givenUp() ? "GIVEN UP" : process.isEmpty() ? "STOPPED" : healthOf(part);
            allUp &= health.equals("UP");
            rows.add(new String[] {
                part.name(),
                process.isPresent() ? String.valueOf(part.pid()) : "-",
                part.port() == null ? "-" : String.valueOf(part.port()),
                health,
                process.flatMap(p -> p.info().startInstant())
                        .map(StatusCommand::since)
                        .orElse("-"),
                String.valueOf(part.restarts()),
                process.map(p -> memory(p.pid())).orElse("-")
            });
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row[i]));
            }
            say.accept(line.toString().stripTrailing());
        }
        return allUp ? 0 : 1;
    }

    /** A service's own overall health; for Kafka, MongoDB and the mail catcher, whether they accept connections. */
    private static String healthOf(PlatformStatus.Part part) {
        if (part.healthUrl() != null) {
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(part.healthUrl()))
                                .timeout(Duration.ofSeconds(3))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return json.readTree(answer.body()).path("status").asString("DOWN");
            } catch (IOException | RuntimeException unanswered) {
                return "NOT ANSWERING";
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return "?";
            }
        }
        if (part.port() == null) {
            return "UP";
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", part.port()), 1000);
            return "UP";
        } catch (IOException refused) {
            return "NOT LISTENING";
        }
    }

    private static String since(Instant started) {
        Duration up = Duration.between(started, Instant.now());
        return up.toHours() > 0
                ? up.toHours() + "h" + String.format(Locale.ROOT, "%02d", up.toMinutesPart()) + "m"
                : up.toMinutes() + "m" + String.format(Locale.ROOT, "%02d", up.toSecondsPart()) + "s";
    }

    /** Resident memory, from /proc (Linux); "?" elsewhere. */
    private static String memory(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kilobytes / 1024) + " MB";
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            // not Linux, or the process just ended
        }
        return "?";
    }
}
