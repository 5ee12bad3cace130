package org.tirelire.notification.subscription;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.tirelire.kit.links.LinkSignatures;
import org.tirelire.notification.email.EmailProperties;

/**
 * One-click unsubscribe links: the subscription's id, signed ({@link LinkSignatures}), so a link cannot be
 * forged for someone else, and links sent before a restart keep working.
 */
@Component
public class UnsubscribeLinks {

    private final LinkSignatures signatures;
    private final EmailProperties properties;

    UnsubscribeLinks(MongoTemplate mongo, EmailProperties properties) {
        this.signatures = new LinkSignatures(mongo, "unsubscribe-link-secret");
        this.properties = properties;
    }

    /** The address to put in the email and in its {@code List-Unsubscribe} header. */
    public String linkFor(String subscriberId) {
        return properties.publicBaseUrl() + "/api/unsubscribe?token=" + tokenFor(subscriberId);
    }

    String tokenFor(String subscriberId) {
        String id =
                Base64.getUrlEncoder().withoutPadding().encodeToString(subscriberId.getBytes(StandardCharsets.UTF_8));
        return id + "." + signatures.sign(id);
    }

    /** The subscription a token stands for, if its signature holds. */
    Optional<String> subscriberIdOf(String token) {
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        if (!signatures.verify(id, token.substring(dot + 1))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
