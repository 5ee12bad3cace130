package org.tirelire.notification.subscription;

import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unsubscribing in one click: {@code POST} is what mail clients send for RFC 8058 one-click
 * unsubscribe; {@code GET} is the link in the email, so a person clicking it is unsubscribed at once too.
 */
@RestController
class UnsubscribeController {

    private final UnsubscribeLinks links;
    private final NewsSubscribers subscribers;
    private final Clock clock;

    UnsubscribeController(UnsubscribeLinks links, NewsSubscribers subscribers, Clock clock) {
        this.links = links;
        this.subscribers = subscribers;
        this.clock = clock;
    }

    @PostMapping("/api/unsubscribe")
    ResponseEntity<String> oneClick(@RequestParam String token) {
        return unsubscribe(token);
    }

    @GetMapping("/api/unsubscribe")
    ResponseEntity<String> fromTheLink(@RequestParam String token) {
        return unsubscribe(token);
    }

    private ResponseEntity<String> unsubscribe(String token) {
        var subscriberId = links.subscriberIdOf(token);
        if (subscriberId.isEmpty()) {
            return page(400, "Ce lien de désinscription n'est pas valide. / This unsubscribe link is not valid.");
        }
        subscribers
                .findById(subscriberId.get())
                .filter(NewsSubscriber::subscribed)
                .ifPresent(subscriber -> subscribers.save(subscriber.unsubscribed(clock.instant())));
        return page(
                200,
                "Vous ne recevrez plus les actualités de cette campagne. / You will not receive this campaign's news any more.");
    }

    private static ResponseEntity<String> page(int status, String message) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Tirelire</title></head>"
                        + "<body style=\"font-family:sans-serif;margin:2em\"><p>" + message + "</p></body></html>");
    }
}
