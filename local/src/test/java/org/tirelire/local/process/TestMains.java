package org.tirelire.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Small programs the process tests run as real child JVMs. */
final class TestMains {

    private TestMains() {}

    /** Says it is up, then waits to be stopped. */
    static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("sleeper up");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Prints a reason and fails, as a service with a bad configuration would. */
    static final class Crasher {
        public static void main(String[] args) {
            System.out.println("starting");
            System.out.println("APPLICATION FAILED TO START: no database");
            System.exit(3);
        }
    }

    /** Stands in for the launcher: starts a watched child, prints its pid once it runs, waits to be killed. */
    static final class Launcher {
        public static void main(String[] args) throws Exception {
            String watch = ParentWatch.jvmFlag(Path.of(args[0]));
            ChildProcess child = new ChildProcess(
                            "sleeper",
                            JavaCommand.mainClass(List.of("-Xmx32m", watch), Sleeper.class.getName(), List.of()),
                            Map.of(),
                            Path.of(args[0]).resolve("sleeper.log"))
                    .start();
            Path log = Path.of(args[0]).resolve("sleeper.log");
            child.awaitReady(() -> contains(log, "sleeper up"), Duration.ofSeconds(30));
            System.out.println("child " + child.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }

        private static boolean contains(Path log, String text) {
            try {
                return Files.readString(log).contains(text);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
