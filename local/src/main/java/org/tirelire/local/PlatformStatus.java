package org.tirelire.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code run/status.json} in the data directory: what the launcher runs, for {@code ./tirelire status}
 * in another terminal. Each part with its process id, its port (and, for a service, where it tells its
 * health), how many times the supervisor started it again, and whether it gave up on it. Written whole,
 * then moved in place, so a reader never sees half of it.
 */
final class PlatformStatus {

    static final String FILE = "status.json";

    private static final JsonMapper json = JsonMapper.builder().build();

    private final Path file;

    PlatformStatus(Path dataDir) {
        this.file = dataDir.resolve("run").resolve(FILE);
    }

    record Part(String name, long pid, Integer port, String healthUrl, int restarts, boolean givenUp) {}

    record Snapshot(long launcherPid, Instant writtenAt, List<Part> parts) {}

    synchronized void write(LocalPlatform platform, Map<String, Integer> restarts, Set<String> givenUp) {
        List<Part> parts = new ArrayList<>();
        Map<String, Long> pids = new LinkedHashMap<>(platform.pids());
        for (String name : platform.partNames()) {
            Integer port = platform.portOf(name).orElse(null);
            parts.add(new Part(
                    name,
                    pids.getOrDefault(name, -1L),
                    port,
                    platform.isService(name) && port != null ? "http://127.0.0.1:" + port + "/actuator/health" : null,
                    restarts.getOrDefault(name, 0),
                    givenUp.contains(name)));
        }
        try {
            Files.createDirectories(file.getParent());
            Path written = file.resolveSibling(FILE + ".new");
            Files.write(
                    written,
                    json.writeValueAsBytes(new Snapshot(ProcessHandle.current().pid(), Instant.now(), parts)));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException cannotWrite) {
            throw new UncheckedIOException(cannotWrite);
        }
    }

    static Snapshot read(Path dataDir) throws IOException {
        return json.readValue(dataDir.resolve("run").resolve(FILE).toFile(), Snapshot.class);
    }
}
