package org.tirelire.local.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.FileTrees;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.JavaCommand;

/**
 * A service's classes loaded, verified and linked once, by a training start, into a file that each later
 * start maps instead of doing that work again (ADR 40): Java 25's AOT cache (JEP 483, written in one step
 * as JEP 514 allows) or, on Java 17 to 24, a dynamic class-data-sharing archive. Both need the jar in
 * Spring Boot's extracted form ({@code -Djarmode=tools extract}): classes from jars nested in a jar
 * cannot be archived.
 *
 * <p>Everything lives beside the jar, in {@code <module>/target/startup/<key>/}, the key a digest of
 * the jar's content, the Java and the flags: a jar rebuilt with other content, or another Java, trains
 * into a directory of its own, so a platform still running from the previous one keeps its files (the
 * oldest are removed beyond {@link #KEPT}), and {@code ./mvnw clean} takes them all away with the jar. A
 * failed training only costs the faster start: the service then runs from its executable jar as before.
 */
public final class StartupArchive {

    private static final Logger log = LoggerFactory.getLogger(StartupArchive.class);
    /** Two platforms started at once from the same jars (the system tests' two lanes) train once. */
    private static final Map<Path, ReentrantLock> TRAINING_IN_THIS_JVM = new ConcurrentHashMap<>();
    /** Archives kept per service: this build's and the one before, which a running platform may use. */
    static final int KEPT = 2;

    private final Service service;
    private final Path executableJar;
    private final List<String> jvmFlags;
    private final Path startup;

    private StartupArchive(Service service, Path executableJar, List<String> jvmFlags) {
        this.service = service;
        this.executableJar = executableJar;
        this.jvmFlags = List.copyOf(jvmFlags);
        this.startup = executableJar.getParent().resolve("startup");
    }

    /**
     * @param jvmFlags the service's flags, the same for the training and every start: an archive is
     *     refused by a JVM that runs with another garbage collector, for one
     */
    public static StartupArchive of(Service service, Path executableJar, List<String> jvmFlags) {
        return new StartupArchive(service, executableJar, jvmFlags);
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

    /**
     * The extracted jar and its archive when both were made for this jar's content, these flags and this
     * Java; empty when they were not, or cannot be read.
     */
    public Optional<Launch> ready() {
        try {
            Path made = startup.resolve(key());
            if (Files.isRegularFile(archiveIn(made)) && Files.isRegularFile(extractedJarIn(made))) {
                return Optional.of(launchFrom(made));
            }
        } catch (IOException unreadable) {
            log.warn("{}: its startup archive cannot be read ({})", service.module(), unreadable.toString());
        }
        return Optional.empty();
    }

    /**
     * The launch from this jar's archive, made first if needed: extracts the jar, then starts the service
     * with {@code environment} until its application context is refreshed (Spring's
     * {@code spring.context.exit=onRefresh}: every singleton made, no port opened, no message read), and
     * lets the JVM write what it loaded. Falls back to {@link #withoutArchive()} on any failure.
     *
     * @param timeout for the extraction and the training together
     */
    public Launch prepare(Map<String, String> environment, Path logFile, Duration timeout) throws InterruptedException {
        ReentrantLock inThisJvm = TRAINING_IN_THIS_JVM.computeIfAbsent(startup, path -> new ReentrantLock());
        inThisJvm.lockInterruptibly();
        try {
            Files.createDirectories(startup);
            try (FileChannel lockFile = FileChannel.open(
                            startup.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock betweenLaunchers = lockFile.lock()) {
                Optional<Launch> madeMeanwhile = ready();
                if (madeMeanwhile.isPresent()) {
                    return madeMeanwhile.get();
                }
                Launch trained = train(environment, logFile, System.nanoTime() + timeout.toNanos());
                removeOldArchives();
                return trained;
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

    /** Trains into the directory of the key read before: a jar rebuilt meanwhile gets a directory of its own. */
    private Launch train(Map<String, String> environment, Path logFile, long deadline)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path made = startup.resolve(key());
        FileTrees.deleteTree(made); // what a training that failed halfway left
        run(
                "extract",
                JavaCommand.executableJar(
                        executableJar,
                        List.of("-Djarmode=tools"),
                        List.of(
                                "extract",
                                "--destination",
                                made.resolve("extracted").toString())),
                Map.of(),
                logFile,
                deadline);
        Path partial = made.resolve("archive.partial");
        List<String> trainingFlags = new ArrayList<>(jvmFlags);
        // It only starts: C1 loads the same classes sooner. An archive's classes serve either JIT; on Java 25,
        // methods' profiles (JEP 515) are not recorded, and a start is not what they would be useful for.
        trainingFlags.addAll(JavaCommand.QUICK_JIT);
        trainingFlags.addAll(writeFlags(partial));
        trainingFlags.add("-Dspring.context.exit=onRefresh");
        run("training", JavaCommand.executableJar(extractedJarIn(made), trainingFlags), environment, logFile, deadline);
        if (!Files.isRegularFile(partial)) {
            throw new IOException("the training start wrote no archive; see " + logFile);
        }
        Files.move(partial, archiveIn(made), StandardCopyOption.ATOMIC_MOVE);
        log.info(
                "{}: startup archive made in {} s ({} MB)",
                service.module(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                Files.size(archiveIn(made)) / (1024 * 1024));
        return launchFrom(made);
    }

    private void run(String step, List<String> command, Map<String, String> environment, Path logFile, long deadline)
            throws IOException, InterruptedException {
        ChildProcess process = new ChildProcess(service.module() + " " + step, command, environment, logFile).start();
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        try {
            process.awaitExit(left); // fails, naming the step, on a timeout or an exit code other than 0
        } finally {
            process.killHard(); // a step cut short by an interruption leaves nothing running
        }
    }

    /** Keeps the {@link #KEPT} newest archives of this service; older ones belong to jars long rebuilt. */
    private void removeOldArchives() throws IOException {
        List<Path> made;
        try (Stream<Path> entries = Files.list(startup)) {
            made = entries.filter(Files::isDirectory)
                    .sorted(Comparator.comparing(StartupArchive::modified).reversed())
                    .toList();
        }
        for (Path old : made.subList(Math.min(KEPT, made.size()), made.size())) {
            FileTrees.deleteTree(old);
        }
    }

    private Launch launchFrom(Path made) {
        Path archive = archiveIn(made);
        return new Launch(
                extractedJarIn(made),
                List.of(aotCache() ? "-XX:AOTCache=" + archive : "-XX:SharedArchiveFile=" + archive));
    }

    private Path extractedJarIn(Path made) {
        return made.resolve("extracted").resolve(executableJar.getFileName());
    }

    private Path archiveIn(Path made) {
        return made.resolve(service.module() + (aotCache() ? ".aot" : ".jsa"));
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

    /** What the archive depends on: the jar's content, the Java, the service's flags, how it is trained. */
    private String key() throws IOException {
        String inputs = jarDigest() + "\n" + System.getProperty("java.home") + " " + Runtime.version() + "\n"
                + String.join(" ", jvmFlags) + "\n" + String.join(" ", writeFlags(Path.of("archive.partial")));
        return HexFormat.of()
                .formatHex(newSha256().digest(inputs.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
    }

    /**
     * The jar's SHA-256, read again only when its size or time changed: the launcher's script touches every
     * jar after a build, and a jar rebuilt with the same content keeps its archive.
     */
    private String jarDigest() throws IOException {
        Path remembered = startup.resolve("jar-digest");
        String seen = Files.size(executableJar) + " "
                + Files.getLastModifiedTime(executableJar).toMillis();
        if (Files.isRegularFile(remembered)) {
            String[] line = Files.readString(remembered).strip().split(" ");
            if (line.length == 3 && seen.equals(line[0] + " " + line[1])) {
                return line[2];
            }
        }
        MessageDigest digest = newSha256();
        try (InputStream jar = Files.newInputStream(executableJar)) {
            byte[] buffer = new byte[1 << 16];
            for (int read; (read = jar.read(buffer)) > 0; ) {
                digest.update(buffer, 0, read);
            }
        }
        String jarDigest = HexFormat.of().formatHex(digest.digest());
        Files.createDirectories(startup);
        Path partial = Files.createTempFile(startup, "jar-digest", ".partial");
        Files.writeString(partial, seen + " " + jarDigest);
        Files.move(partial, remembered, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return jarDigest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }
}
