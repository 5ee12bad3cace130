package org.tirelire.notification.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection for a round of the dispatcher, opened at its first email and given up at the round's
 * first failure (the round ends there): a connection per email
 * (what {@link JavaMailSender#send(MimeMessage)} does) cost ten times the sending itself against the local
 * mail catcher (ADR 48), and a TLS handshake and a login each with a real relay. Each email is still handed
 * over alone, so that it can be recorded sent at once (ADR 23). A sender that is not Spring's own sends as
 * it does.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSender mailSender;
    private @Nullable Transport transport;

    SmtpConnection(JavaMailSender mailSender) {
        this.mailSender = mailSender;
    }

    /** @throws MailException whatever went wrong, as {@link JavaMailSender#send(MimeMessage)} does */
    void send(MimeMessage message) {
        if (!(mailSender instanceof JavaMailSenderImpl spring)) {
            mailSender.send(message);
            return;
        }
        try {
            handOver(message, spring);
        } catch (MessagingException | RuntimeException failed) {
            close(); // the next email, in the next round, opens a new connection
            throw failed instanceof MailException mail ? mail : new MailSendException("Email not sent", failed);
        }
    }

    private void handOver(MimeMessage message, JavaMailSenderImpl spring) throws MessagingException {
        if (transport == null) { // not isConnected(): SMTP asks the server (a NOOP) each time
            transport = connect(spring);
        }
        // As JavaMailSenderImpl does: a date, and the Message-ID set before kept when the changes are saved.
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
        Address[] recipients = message.getAllRecipients();
        transport.sendMessage(message, recipients != null ? recipients : new Address[0]);
    }

    private static Transport connect(JavaMailSenderImpl spring) throws MessagingException {
        String protocol = spring.getProtocol() != null ? spring.getProtocol() : "smtp";
        Transport transport = spring.getSession().getTransport(protocol);
        String username = spring.getUsername();
        String password = spring.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        transport.connect(spring.getHost(), spring.getPort(), username, password);
        return transport;
    }

    /** Closing is best effort: every email handed over is already recorded or remembered. */
    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException alreadyGone) {
                // the server hung up first
            }
            transport = null;
        }
    }
}
