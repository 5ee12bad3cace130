package org.tirelire.gateway.pages;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.gateway.pages.OrganiserSession.Organiser;
import org.tirelire.gateway.pages.forms.Forms;
import org.tirelire.gateway.pages.platform.PlatformClient;
import org.tirelire.gateway.pages.platform.PlatformRefusal;
import reactor.core.publisher.Mono;

/**
 * The organisation's webhooks on the dashboard: register a URL for chosen events (the signing secret
 * is shown once, on the page that follows), read each webhook's delivery log, send a test, delete.
 */
@Controller
class WebhookPages {

    private final PlatformClient platform;
    private final OrganiserSession sessions;

    WebhookPages(PlatformClient platform, OrganiserSession sessions) {
        this.platform = platform;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/webhooks")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange).flatMap(organiser -> show(organiser, "", List.of(), Map.of(), model));
    }

    @PostMapping("/organiser/webhooks")
    Mono<String> register(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> exchange.getFormData().flatMap(data -> {
                    String url = Forms.text(data, "url");
                    List<String> eventTypes = data.getOrDefault("eventTypes", List.of());
                    if (url.isBlank() || eventTypes.isEmpty()) {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return show(organiser, url, eventTypes, Map.of("form", "webhooks.error.missing"), model);
                    }
                    return platform.registerWebhook(organiser.token(), url, eventTypes)
                            .flatMap(created -> {
                                model.addAttribute("created", created);
                                return show(organiser, "", List.of(), Map.of(), model);
                            })
                            .onErrorResume(PlatformRefusal.class, refusal -> {
                                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                                model.addAttribute("refusal", refusal.detail());
                                return show(
                                        organiser, url, eventTypes, Map.of("form", "webhooks.error.refused"), model);
                            });
                }));
    }

    @GetMapping("/organiser/webhooks/{id}")
    Mono<String> deliveries(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.webhooks(organiser.token())
                        .flatMap(webhooks -> webhooks.stream()
                                .filter(webhook -> webhook.id().equals(id))
                                .findFirst()
                                .map(Mono::just)
                                .orElseGet(() -> Mono.error(new PageNotFound())))
                        .flatMap(webhook -> platform.webhookDeliveries(organiser.token(), id)
                                .map(deliveries -> {
                                    model.addAttribute("webhook", webhook);
                                    model.addAttribute("deliveries", deliveries);
                                    return "organiser/webhook";
                                })));
    }

    @PostMapping("/organiser/webhooks/{id}/ping")
    Mono<String> ping(@PathVariable String id, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.pingWebhook(organiser.token(), id))
                .thenReturn("redirect:/organiser/webhooks/" + id);
    }

    @PostMapping("/organiser/webhooks/{id}/delete")
    Mono<String> delete(@PathVariable String id, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.deleteWebhook(organiser.token(), id))
                .thenReturn("redirect:/organiser/webhooks");
    }

    private Mono<String> show(
            Organiser organiser, String url, List<String> chosen, Map<String, String> errors, Model model) {
        return Mono.zip(platform.webhooks(organiser.token()), platform.webhookEventTypes(organiser.token()))
                .map(parts -> {
                    model.addAttribute("webhooks", parts.getT1());
                    model.addAttribute("eventTypes", parts.getT2());
                    model.addAttribute("url", url);
                    model.addAttribute("chosen", chosen);
                    model.addAttribute("errors", errors);
                    return "organiser/webhooks";
                });
    }
}
