package org.tirelire.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
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

    /** The plain-text part, decoded (the raw body is quoted-printable, with soft line breaks). */
    protected static String bodyOf(MimeMessage message) {
        try {
            return plainText(message.getContent());
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String plainText(Object content) throws IOException, jakarta.mail.MessagingException {
        if (content instanceof String text) {
            return text;
        }
        jakarta.mail.Multipart parts = (jakarta.mail.Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            jakarta.mail.BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart nested) {
                String found = plainText(nested);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    protected static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /** The emails the SMTP server received for this address. */
    protected static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(r -> r.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
