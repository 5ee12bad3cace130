package org.tirelire.local.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server of the local run (GreenMail, accepting any sender and recipient) and a web page to
 * read what was sent, like Mailpit. Messages live in memory: it is a catcher, not a mailbox.
 *
 * <p>Usage: {@code MailServerMain <smtpPort> <webPort>}
 */
public final class MailServerMain {

    private static final Logger log = LoggerFactory.getLogger(MailServerMain.class);

    private MailServerMain() {}

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.parseInt(args[0]);
        int webPort = Integer.parseInt(args[1]);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        web.createContext("/", new MailPages(smtp));
        web.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            web.stop(0);
            smtp.stop();
            stopped.countDown();
        }));
        log.info("SMTP on 127.0.0.1:{}, messages on http://127.0.0.1:{}/", smtpPort, webPort);
        stopped.await();
    }
}
