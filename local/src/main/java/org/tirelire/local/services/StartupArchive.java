package org.tirelire.local.services;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.JavaCommand;

/**
 * A service's classes loaded, verified and linked once, by a training start, into a file that each later
 * start maps instead of doing that work again (ADR 40): Java 25's AOT cache (JEP 483, written in one step
 * as JEP 514 allows) or, on Java 17 to 24, a dynamic class-data-sharing archive. Both need the jar in
 * Spring Boot's extracted form ({@code -Djarmode=tools extract}): classes from jars nested in a jar
 * cannot be archived.
 *
 * <p>Everything lives beside the jar, in {@code <module>/target/startup/}: a stamp names the jar (size
 * and time) and the Java it was made for, so a rebuilt jar or another Java makes it again, and
 * {@code ./mvnw clean} takes it away with the jar. A failed training only costs the faster start: the
 * service then runs from its executable jar as before.
 */
public final class StartupArchive {

    private static final Logger log = LoggerFactory.getLogger(StartupArchive.class);
    /** Two platforms started at once from the same jars (the system tests' two lanes) train once. */
    private static final Map<Path, ReentrantLock> TRAINING_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Service service;
    private final Path executableJar;
    private final List<String> jvmFlags;
    private final Path directory;

    private StartupArchive(Service service, Path executableJar, List<String> jvmFlags) {
        this.service = service;
        this.executableJar = executableJar;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.directory = executableJar.getParent().resolve("startup");
    }

    /**
     * @param jvmFlags the service's flags, the same for the training and every start: an archive is
     *     refused by a JVM that runs with another garbage collector, for one
     */
    public static StartupArchive of(Service service, Path repositoryRoot, List<String> jvmFlags) {
        return new StartupArchive(service, service.requireExecutableJar(repositoryRoot), jvmFlags);
    }

    /** What to start the service from: a jar, and the JVM flags that map its archive, if any. */
    public record Launch(Path jar, List<String> archiveFlags) {

        public List<String> command(List<String> jvmFlags) {
            return JavaCommand.executableJar(jar, JavaCommand.flags(jvmFlags, archiveFlags));
        }
    }

    /** The executable jar as it is, without an archive: where training failed or archives are off. */
    public Launch withoutArchive() {
        return new Launch(executableJar, List.of());
    }

    /** The extracted jar and its archive when both were made for this jar, these flags and this Java. */
    public Optional<Launch> ready() throws IOException {
        Path stamp = directory.resolve("stamp");
        if (!Files.isRegularFile(archive()) || !Files.isRegularFile(stamp)) {
            return Optional.empty();
        }
        if (!Files.readString(stamp).equals(currentStamp())) {
            return Optional.empty();
        }
        return Optional.of(new Launch(extractedJar(), List.of(useFlag())));
    }

    /**
     * Returns the archive, making it first if needed: extracts the jar, then starts the service with
     * {@code environment} until its application context is refreshed (Spring's
     * {@code spring.context.exit=onRefresh}: every singleton made, no port opened, no message read) and
     * lets the JVM write what it loaded. Falls back to {@link #withoutArchive()} on any failure.
     */
    public Launch prepare(Map<String, String> environment, Path logFile, Duration timeout) throws InterruptedException {
        ReentrantLock inThisJvm = TRAINING_IN_THIS_JVM.computeIfAbsent(directory, path -> new ReentrantLock());
        inThisJvm.lock();
        try {
            Files.createDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(
                            directory.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock betweenLaunchers = lockFile.lock()) {
                Optional<Launch> madeMeanwhile = ready();
                if (madeMeanwhile.isPresent()) {
                    return madeMeanwhile.get();
                }
                return train(environment, logFile, timeout);
            }
        } catch (IOException | RuntimeException failure) {
            log.warn(
                    "{} starts without a startup archive: {} (it is made again at the next start)",
                    service.module(),
                    failure.getMessage());
            return withoutArchive();
        } finally {
            inThisJvm.unlock();
        }
    }

    private Launch train(Map<String, String> environment, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Files.deleteIfExists(directory.resolve("stamp"));
        // An archive made for the other kind of Java (.jsa or .aot) is of no use any more.
        Files.deleteIfExists(directory.resolve(service.module() + ".jsa"));
        Files.deleteIfExists(directory.resolve(service.module() + ".aot"));
        Path extracted = directory.resolve("extracted");
        deleteRecursively(extracted);
        run(
                "extract",
                JavaCommand.executableJar(
                        executableJar,
                        List.of("-Djarmode=tools"),
                        List.of("extract", "--destination", extracted.toString())),
                Map.of(),
                logFile,
                timeout);
        Path partial = directory.resolve(archive().getFileName() + ".partial");
        Files.deleteIfExists(partial);
        List<String> trainingFlags = new ArrayList<>(jvmFlags);
        trainingFlags.addAll(JavaCommand.QUICK_JIT); // it only starts; an archive serves either JIT
        trainingFlags.addAll(writeFlags(partial));
        trainingFlags.add("-Dspring.context.exit=onRefresh");
        run("training", JavaCommand.executableJar(extractedJar(), trainingFlags), environment, logFile, timeout);
        if (!Files.isRegularFile(partial)) {
            throw new IOException("the training start wrote no archive; see " + logFile);
        }
        Files.move(partial, archive(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(directory.resolve("stamp"), currentStamp());
        log.info(
                "{}: startup archive made in {} s ({} MB)",
                service.module(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                Files.size(archive()) / (1024 * 1024));
        return new Launch(extractedJar(), List.of(useFlag()));
    }

    private void run(String step, List<String> command, Map<String, String> environment, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess process = new ChildProcess(service.module() + " " + step, command, environment, logFile).start();
        try {
            process.awaitExit(timeout); // fails, naming the step, on a timeout or an exit code other than 0
        } finally {
            process.killHard(); // only does something if this thread was interrupted
        }
    }

    private Path extractedJar() {
        return directory.resolve("extracted").resolve(executableJar.getFileName());
    }

    private Path archive() {
        return directory.resolve(aotCache() ? service.module() + ".aot" : service.module() + ".jsa");
    }

    private String useFlag() {
        return aotCache() ? "-XX:AOTCache=" + archive() : "-XX:SharedArchiveFile=" + archive();
    }

    /**
     * The flags that write the archive at exit, and quiet its warnings about the classes it leaves out.
     * The AOT cache is refused at a start whose module graph differs from the training's: the services
     * run with a Java agent (the parent watch), which adds {@code java.instrument}, so the training does too.
     */
    private static List<String> writeFlags(Path file) {
        return aotCache()
                ? List.of("-XX:AOTCacheOutput=" + file, "--add-modules=java.instrument", "-Xlog:aot=error,cds=error")
                : List.of("-XX:ArchiveClassesAtExit=" + file, "-Xlog:cds=error");
    }

    /** JEP 514's one-step AOT cache came with Java 25; Java 24's took two runs, so it keeps the CDS archive. */
    private static boolean aotCache() {
        return Runtime.version().feature() >= 25;
    }

    private String currentStamp() throws IOException {
        return "jar " + Files.size(executableJar) + " "
                + Files.getLastModifiedTime(executableJar).toMillis()
                + "\njava " + System.getProperty("java.home") + " " + Runtime.version()
                + "\nflags " + String.join(" ", jvmFlags) + "\ntraining " + String.join(" ", writeFlags(archive()))
                + "\n";
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
