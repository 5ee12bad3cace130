package org.tirelire.local.mail;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Every message the SMTP server accepted, newest first, kept in memory. GreenMail would file one copy
 * per recipient into per-user mailboxes; a catcher wants each message once, with all its recipients,
 * and the time it arrived. Only the newest {@value #CAPACITY} are kept, so a long run cannot fill the heap.
 */
final class CaughtMail implements MessageDeliveryHandler {

    static final int CAPACITY = 2_000;

    private final Clock clock;
    private final Deque<Caught> messages = new ArrayDeque<>();
    /** GreenMail delivers a message once per recipient: this remembers which ones are already caught. */
    private final Map<MovingMessage, Boolean> seen = new WeakHashMap<>();

    private final GreenMailUser catchAll = new CatchAllUser(this);
    private long nextId = 1;

    CaughtMail(Clock clock) {
        this.clock = clock;
    }

    /** A message as caught: the envelope recipients include Bcc, which no header shows. */
    record Caught(long id, Instant receivedAt, String envelopeFrom, List<String> envelopeTo, MimeMessage message) {}

    @Override
    public GreenMailUser handle(MovingMessage message, MailAddress recipient) {
        return catchAll;
    }

    synchronized void catchMessage(MovingMessage message) {
        if (seen.put(message, Boolean.TRUE) != null) {
            return;
        }
        List<String> recipients =
                message.getToAddresses().stream().map(MailAddress::getEmail).toList();
        String from =
                message.getReturnPath() == null ? "" : message.getReturnPath().getEmail();
        messages.addFirst(new Caught(nextId++, clock.instant(), from, recipients, message.getMessage()));
        while (messages.size() > CAPACITY) {
            messages.removeLast();
        }
    }

    /** Newest first. */
    synchronized List<Caught> all() {
        return Collections.unmodifiableList(new ArrayList<>(messages));
    }

    synchronized void clear() {
        messages.clear();
    }

    /** The one mailbox every recipient resolves to: it stores into this catcher and nowhere else. */
    private record CatchAllUser(CaughtMail mail) implements GreenMailUser {

        @Override
        public void deliver(MovingMessage message) {
            mail.catchMessage(message);
        }

        @Override
        public void deliver(MimeMessage message) {
            throw new UnsupportedOperationException("only SMTP deliveries are caught");
        }

        @Override
        public String getEmail() {
            return "catch-all@tirelire.local";
        }

        @Override
        public String getLogin() {
            return getEmail();
        }

        @Override
        public void create() {}

        @Override
        public void delete() {}

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {}

        @Override
        public void authenticate(String password) {}

        @Override
        public String getQualifiedMailboxName() {
            return getEmail();
        }
    }
}
