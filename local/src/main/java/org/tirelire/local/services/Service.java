package org.tirelire.local.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The four Spring Boot services, each run from its module's executable jar with its own database. */
public enum Service {
    CAMPAIGN("campaign-service", "tirelire-campaigns"),
    DONATION("donation-service", "tirelire-donations"),
    NOTIFICATION("notification-service", "tirelire-notifications"),
    GATEWAY("gateway", "tirelire-gateway");

    /**
     * The services that may run as several instances: they share their work through Kafka consumer
     * groups and keep nothing in memory that another instance would need.
     */
    public static final List<Service> SCALABLE = List.of(CAMPAIGN, DONATION);

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    /** The Maven module, also the name of the process and of its log file. */
    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    /** {@code <module>/target/<module>-exec.jar}: the Spring Boot jar, built with the {@code exec} classifier. */
    public Path executableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-exec.jar");
    }

    /** Fails with the command to run if the jar was never built. */
    public Path requireExecutableJar(Path repositoryRoot) {
        Path jar = executableJar(repositoryRoot);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it first with ./mvnw -DskipTests install (./tirelire up does so)");
        }
        return jar;
    }

    public static Optional<Service> byModule(String module) {
        return Arrays.stream(values()).filter(s -> s.module.equals(module)).findFirst();
    }
}
