package org.tirelire.web.organiser;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/**
 * The organisation's regular gifts for its treasurer: what they bring each month, what the charges brought
 * over the year, each gift with its donor, the CSV, and stopping one when a donor asks the association.
 */
@Controller
class SubscriptionListPages {

    private final DonationApi donations;
    private final OrganiserSession sessions;

    SubscriptionListPages(DonationApi donations, OrganiserSession sessions) {
        this.donations = donations;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/subscriptions")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations.subscriptions(organiser.authorization()))
                .map(overview -> {
                    model.addAttribute("overview", overview);
                    model.addAttribute(
                            "done", exchange.getRequest().getQueryParams().containsKey("stopped"));
                    return "organiser/subscriptions";
                });
    }

    @PostMapping("/organiser/subscriptions/{id}/cancel")
    Mono<String> cancel(@PathVariable String id, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations.cancelSubscriptionForDonor(organiser.authorization(), id))
                .thenReturn("redirect:/organiser/subscriptions?stopped");
    }

    @GetMapping("/organiser/subscriptions.csv")
    Mono<ResponseEntity<byte[]>> csv(ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations.subscriptionsCsv(organiser.authorization()))
                .map(csv -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dons-reguliers.csv\"")
                        .body(csv));
    }
}
