package org.tirelire.web.page;

import java.time.ZoneId;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
import reactor.core.publisher.Mono;

/** What every page's template may use: formats in the reader's language, the CSRF token, who is signed in. */
@ControllerAdvice(basePackages = "org.tirelire.web")
class PageModel {

    private final OrganiserSession sessions;
    private final ZoneId zone;
    private final String publicBaseUrl;

    PageModel(
            OrganiserSession sessions,
            @Value("${tirelire.pages.time-zone:Europe/Paris}") ZoneId zone,
            @Value("${tirelire.pages.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.sessions = sessions;
        this.zone = zone;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The platform's public address, for links that leave it (share links, QR codes). */
    @ModelAttribute("publicBaseUrl")
    String publicBaseUrl() {
        return publicBaseUrl;
    }

    @ModelAttribute("fmt")
    PageFormat format(Locale locale) {
        return new PageFormat(locale, zone);
    }

    /** The page's own path, so the language switch can link to the same page in the other language. */
    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    /** Every form that changes something carries it; Spring Security checks it on the way back. */
    @ModelAttribute("csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }

    /** For pages shown by an exception handler, where the attributes above are not added by themselves. */
    void addBasics(Model model, ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        model.addAttribute("fmt", format(locale == null ? LanguageSelection.FRENCH : locale));
        model.addAttribute("currentPath", currentPath(exchange));
        model.addAttribute("publicBaseUrl", publicBaseUrl);
    }

    @ModelAttribute("organiser")
    Mono<Organiser> organiser(ServerWebExchange exchange) {
        return sessions.current(exchange);
    }
}
