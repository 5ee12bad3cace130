package org.tirelire.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tirelire.local.process.JavaCommand;

/** CPU time and peak memory of the platform's processes, read from /proc (Linux). */
final class ProcessUsage {

    /** Clock ticks per second of /proc/[pid]/stat times: 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    /** The launcher's startup archives (ADR 40), not the JDK's own {@code classes.jsa}, which every JVM maps. */
    private static final Pattern STARTUP_ARCHIVE =
            Pattern.compile("/target/startup/[0-9a-f]{16}/[^/\\s]+\\.(jsa|aot)$", Pattern.MULTILINE);

    record Usage(double cpuSeconds, long peakResidentBytes) {}

    private ProcessUsage() {}

    static Map<String, Usage> of(Map<String, Long> pids) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> usage.put(name, new Usage(cpuSeconds(pid), peakResident(pid))));
        return usage;
    }

    /**
     * How donation-service's JVM runs: "full JIT" or "C1 only", from its command line, and the startup
     * archive it maps, if any (a JVM runs without an archive it cannot use, whatever its flags say);
     * "unknown" where /proc cannot tell.
     */
    static String howServicesRun(Map<String, Long> pids) {
        Long pid = pids.get("donation-service");
        try {
            Path process = Path.of("/proc", String.valueOf(pid));
            String command = pid == null ? "" : Files.readString(process.resolve("cmdline"));
            if (command.isEmpty()) {
                return "unknown";
            }
            String jit = command.contains(JavaCommand.QUICK_JIT.get(0)) ? "C1 only" : "full JIT";
            Matcher archive = STARTUP_ARCHIVE.matcher(Files.readString(process.resolve("maps")));
            if (!archive.find()) {
                return jit + ", no startup archive";
            }
            return jit + ", " + (archive.group(1).equals("aot") ? "AOT cache" : "CDS archive");
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
            return (double) ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
    }

    private static long peakResident(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // not on Linux, or the process is gone
        }
        return -1;
    }
}
