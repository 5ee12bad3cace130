package org.tirelire.web.organiser;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.page.PageNotFound;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.WebhookApi;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
import reactor.core.publisher.Mono;

/**
 * The organisation's webhooks on the dashboard: register a URL for chosen events (the signing secret
 * is shown once, on the page that follows), read each webhook's delivery log, send a test, delete.
 */
@Controller
class WebhookPages {

    private final WebhookApi webhooks;
    private final OrganiserSession sessions;

    WebhookPages(WebhookApi webhooks, OrganiserSession sessions) {
        this.webhooks = webhooks;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/webhooks")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange).flatMap(organiser -> show(organiser, "", List.of(), Map.of(), model));
    }

    @PostMapping("/organiser/webhooks")
    Mono<String> register(
            @Valid @ModelAttribute("webhookForm") WebhookForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange).flatMap(organiser -> {
            if (binding.hasErrors()) {
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return show(organiser, form.url(), form.eventTypes(), Map.of("form", "webhooks.error.missing"), model);
            }
            return webhooks.register(organiser.authorization(), form.toWebhook())
                    .flatMap(created -> {
                        model.addAttribute("created", created);
                        return show(organiser, "", List.of(), Map.of(), model);
                    })
                    .onErrorResume(PlatformRefusal.class, refusal -> {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        model.addAttribute("refusal", refusal.detail());
                        return show(
                                organiser,
                                form.url(),
                                form.eventTypes(),
                                Map.of("form", "webhooks.error.refused"),
                                model);
                    });
        });
    }

    @GetMapping("/organiser/webhooks/{id}")
    Mono<String> deliveries(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> webhooks.webhooks(organiser.authorization())
                        .flatMap(registered -> registered.stream()
                                .filter(webhook -> webhook.id().equals(id))
                                .findFirst()
                                .map(Mono::just)
                                .orElseGet(() -> Mono.error(new PageNotFound())))
                        .flatMap(webhook -> webhooks.deliveries(organiser.authorization(), id)
                                .map(deliveries -> {
                                    model.addAttribute("webhook", webhook);
                                    model.addAttribute("deliveries", deliveries);
                                    return "organiser/webhook";
                                })));
    }

    @PostMapping("/organiser/webhooks/{id}/ping")
    Mono<String> ping(@PathVariable String id, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> webhooks.ping(organiser.authorization(), id))
                .thenReturn("redirect:/organiser/webhooks/" + id);
    }

    @PostMapping("/organiser/webhooks/{id}/delete")
    Mono<String> delete(@PathVariable String id, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> webhooks.delete(organiser.authorization(), id))
                .thenReturn("redirect:/organiser/webhooks");
    }

    private Mono<String> show(
            Organiser organiser, String url, List<String> chosen, Map<String, String> errors, Model model) {
        return Mono.zip(webhooks.webhooks(organiser.authorization()), webhooks.eventTypes(organiser.authorization()))
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
