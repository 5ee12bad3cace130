package org.tirelire.local.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command lines for child JVMs: the same Java as the launcher, with small-footprint flags. */
public final class JavaCommand {

    /**
     * Flags that keep a service small on two cores: serial GC, a heap that starts small and grows with the
     * load, up to 256 MB, with the JVM's own free ratios: held to 10–30 % free, the old generation stayed
     * nearly full under load and was collected in full about every 12 s (ADR 42). The JIT is apart
     * ({@link #jit}).
     */
    public static final List<String> SERVICE_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-Xms32m",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m");

    /** C1 only: a JVM that starts sooner and stays smaller, at about 1.7 times the CPU per gift once warm. */
    public static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1");

    private JavaCommand() {}

    /**
     * The JIT flags for the platform's long-running processes (Kafka, MongoDB, the services): the full
     * tiered JIT by default, for a platform that runs for days; {@code TIRELIRE_JIT=quick}, C1 only, for
     * one that lives minutes (the system tests). docs/performance.md has the figures.
     */
    public static List<String> jit(Map<String, String> environment) {
        String jit = environment.getOrDefault("TIRELIRE_JIT", "full").strip();
        return switch (jit) {
            case "full", "" -> List.of();
            case "quick" -> QUICK_JIT;
            default -> throw new IllegalArgumentException("TIRELIRE_JIT is full or quick, not " + jit);
        };
    }

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A main class on the launcher's own classpath (Kafka, the MongoDB-wire and mail servers live there). */
    public static List<String> mainClass(List<String> jvmFlags, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    public static List<String> executableJar(Path jar, List<String> jvmFlags) {
        return executableJar(jar, jvmFlags, List.of());
    }

    public static List<String> executableJar(Path jar, List<String> jvmFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** Two flag lists as one, e.g. a part's own flags and the parent watch. */
    public static List<String> flags(List<String> first, List<String> second) {
        List<String> flags = new ArrayList<>(first);
        flags.addAll(second);
        return List.copyOf(flags);
    }
}
