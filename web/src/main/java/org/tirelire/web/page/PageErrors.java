package org.tirelire.web.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformUnavailable;
import org.tirelire.web.session.SignInRequired;

/**
 * What a page shows when it cannot show itself: "not found" for what does not exist (or is not
 * the organiser's), "back in a moment" when a part of the platform is down, the login page when the
 * organiser's session ended. Never a stack trace.
 */
@ControllerAdvice(basePackages = "org.tirelire.web")
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final PageModel pageModel;

    PageErrors(PageModel pageModel) {
        this.pageModel = pageModel;
    }

    @ExceptionHandler(PlatformUnavailable.class)
    String unavailable(PlatformUnavailable e, ServerWebExchange exchange, Model model) {
        log.warn("A page could not be shown: {}", e.getMessage());
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        exchange.getResponse().getHeaders().set("Retry-After", "30");
        pageModel.addBasics(model, exchange);
        model.addAttribute("problem", "unavailable");
        return "error";
    }

    @ExceptionHandler(PlatformRefusal.class)
    String refused(PlatformRefusal e, ServerWebExchange exchange, Model model) {
        if (e.unauthenticated()) {
            return "redirect:/organiser/login?expired=1";
        }
        exchange.getResponse().setStatusCode(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.valueOf(e.status()));
        pageModel.addBasics(model, exchange);
        model.addAttribute("problem", e.notFound() ? "notFound" : "refused");
        model.addAttribute("detail", e.detail());
        return "error";
    }

    @ExceptionHandler(PageNotFound.class)
    String notFound(ServerWebExchange exchange, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        pageModel.addBasics(model, exchange);
        model.addAttribute("problem", "notFound");
        return "error";
    }

    @ExceptionHandler(SignInRequired.class)
    String signIn() {
        return "redirect:/organiser/login";
    }
}
