package org.tirelire.local.mail;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail catcher of the local run as its own process, like Mailpit: SMTP for the services and a
 * page to read what they sent. Messages live in memory only.
 *
 * <p>Usage: {@code MailServerMain <smtpPort> <webPort>}
 */
public final class MailServerMain {

    private static final Logger log = LoggerFactory.getLogger(MailServerMain.class);

    private MailServerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: MailServerMain <smtpPort> <webPort>");
            System.exit(2);
        }
        MailServer server = MailServer.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "mail-shutdown"));
        log.info("SMTP on 127.0.0.1:{}, messages on http://127.0.0.1:{}/", server.smtpPort(), server.webPort());
        stopped.await();
    }
}
