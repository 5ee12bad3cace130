package org.tirelire.local.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The mail catcher: SMTP on loopback accepting any sender and recipient without authentication, and a
 * web page (and JSON) listing what arrived. Nothing is relayed anywhere.
 */
public final class MailServer implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer web;

    private MailServer(GreenMail smtp, HttpServer web) {
        this.smtp = smtp;
        this.web = web;
    }

    /** Starts both servers; port 0 picks a free one (see {@link #smtpPort()} and {@link #webPort()}). */
    public static MailServer start(int smtpPort, int webPort) throws IOException {
        CaughtMail caught = new CaughtMail(Clock.systemUTC());
        ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (smtpPort == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail smtp = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.getUserManager().setMessageDeliveryHandler(caught);
        smtp.start();
        HttpServer web;
        try {
            web = HttpServer.create(new InetSocketAddress("127.0.0.1", webPort), 0);
        } catch (IOException e) {
            smtp.stop();
            throw e;
        }
        web.createContext("/", new MailPages(caught));
        web.start();
        return new MailServer(smtp, web);
    }

    public int smtpPort() {
        return smtp.getSmtp().getPort();
    }

    public int webPort() {
        return web.getAddress().getPort();
    }

    @Override
    public void close() {
        web.stop(0);
        smtp.stop();
    }
}
