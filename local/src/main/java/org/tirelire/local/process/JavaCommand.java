package org.tirelire.local.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: the same Java as the launcher, with small-footprint flags. */
public final class JavaCommand {

    /**
     * Flags that keep a service near 250 MB resident and quick to start on two cores: C1 only, serial
     * GC, a heap that starts small and gives memory back. Tuned for a laptop, not for load.
     */
    public static final List<String> SERVICE_FLAGS = List.of(
            "-XX:+UseSerialGC",
            "-Xss512k",
            "-XX:TieredStopAtLevel=1",
            "-Xms32m",
            "-Xmx256m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Xshare:auto");

    private JavaCommand() {}

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
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /** Two flag lists as one, e.g. a part's own flags and the parent watch. */
    public static List<String> flags(List<String> first, List<String> second) {
        List<String> flags = new ArrayList<>(first);
        flags.addAll(second);
        return List.copyOf(flags);
    }
}
