package org.tirelire.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Pausing and resuming a process (SIGSTOP, SIGCONT), and telling whether one is paused (Linux's /proc). */
public final class ProcessSignals {

    private ProcessSignals() {}

    public static void pause(long pid) throws IOException {
        send("STOP", pid);
    }

    public static void resume(long pid) throws IOException {
        send("CONT", pid);
    }

    /** True when the process is stopped by a signal (state T in /proc); false when running, gone or unknown. */
    public static boolean isPaused(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The state follows the command name, which is in parentheses and may contain spaces.
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'T';
        } catch (IOException | RuntimeException unknown) {
            return false;
        }
    }

    /**
     * The process's command line, word by word, from /proc (the JDK's own view leaves out the arguments of
     * a command line as long as a JVM's class path); empty when unknown.
     */
    public static List<String> arguments(long pid) {
        try {
            byte[] commandLine = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return List.of(new String(commandLine, StandardCharsets.ISO_8859_1).split("\0"));
        } catch (IOException | RuntimeException unknown) {
            return List.of();
        }
    }

    private static void send(String signal, long pid) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (kill.waitFor() != 0) {
                throw new IOException("could not send SIG" + signal + " to process " + pid + ": " + said);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending SIG" + signal + " to process " + pid, interrupted);
        }
    }
}
