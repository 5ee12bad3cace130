package org.tirelire.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tirelire.testing.TestInfrastructure;
import org.tirelire.testing.TestTokens;

/**
 * notification-service as every integration test here runs it: on a real Kafka broker, a MongoDB-wire
 * server and a real SMTP server (GreenMail), with one configuration, so that Spring starts it once for
 * all of them. Tests tell their data apart by their own ids and addresses.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.health.mongo.enabled=false",
            "tirelire.email.dispatch-interval=100ms",
            "tirelire.email.public-base-url=https://dons.example.org",
            "tirelire.webhooks.allow-local-targets=true",
            "tirelire.webhooks.dispatch-interval=100ms"
        })
public abstract class NotificationServiceTest {

    private static final int SMTP_PORT = freePort();

    /** Where every email of the service goes; it lives as long as the test JVM, like the shared context. */
    protected static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification-service-it");
        TestTokens.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /** The mail server again, on the same port, after a test stopped it. */
    protected static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
