package org.tirelire.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent given to every child JVM: it stops the child, through its normal shutdown hooks, as soon
 * as the launcher is gone, even when the launcher was killed with {@code kill -9} and could not stop
 * anything itself. An agent works for the Spring Boot jars too, whose code we do not control here.
 *
 * <p>The agent jar holds this one class only, so that nothing else lands on a service's classpath. It
 * must therefore use nothing but the JDK.
 */
public final class ParentWatch {

    private ParentWatch() {}

    /** Agent entry point; {@code args} is the launcher's pid. */
    public static void premain(String args) {
        long parentPid = Long.parseLong(args.strip());
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid).filter(ProcessHandle::isAlive);
        if (parent.isEmpty()) {
            System.err.println("tirelire: the launcher (pid " + parentPid + ") is gone; not starting");
            System.exit(1);
        }
        Thread watch = new Thread(
                () -> {
                    parent.get().onExit().join();
                    System.err.println("tirelire: the launcher (pid " + parentPid + ") is gone; stopping");
                    System.exit(143);
                },
                "tirelire-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Writes the agent jar and returns the JVM flag that makes a child watch this process. */
    public static String jvmFlag(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path jar = directory.resolve("parent-watch.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
        String entry = ParentWatch.class.getName().replace('.', '/') + ".class";
        // Written beside and moved into place, so a child starting right now never reads half a jar.
        Path partial = Files.createTempFile(directory, "parent-watch", ".jar");
        try (OutputStream file = Files.newOutputStream(partial);
                JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream classFile = ParentWatch.class.getClassLoader().getResourceAsStream(entry)) {
            if (classFile == null) {
                throw new IOException("cannot read " + entry + " from the launcher's classpath");
            }
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
        Files.move(partial, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return "-javaagent:" + jar + "=" + ProcessHandle.current().pid();
    }
}
