package org.tirelire.gateway.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.gateway.auth.BadCredentials;
import org.tirelire.gateway.auth.EmailAlreadyRegistered;
import org.tirelire.gateway.auth.OrganiserSignIn;
import org.tirelire.gateway.pages.forms.Forms;
import reactor.core.publisher.Mono;

/** Organisers sign up, log in and out on the web pages; the session is a cookie holding their token. */
@Controller
class OrganiserAccountPages {

    private final OrganiserSignIn signIn;
    private final OrganiserSession sessions;

    OrganiserAccountPages(OrganiserSignIn signIn, OrganiserSession sessions) {
        this.signIn = signIn;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/signup")
    String signupForm(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "organiser/signup";
    }

    @PostMapping("/organiser/signup")
    Mono<String> signup(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(data -> {
            String email = Forms.text(data, "email");
            String password = data.getFirst("password") == null ? "" : data.getFirst("password");
            String organisationName = Forms.text(data, "organisationName");
            Map<String, String> errors = new LinkedHashMap<>();
            if (organisationName.isBlank() || organisationName.length() > 120) {
                errors.put("organisationName", "signup.error.organisationName");
            }
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
                errors.put("email", "signup.error.email");
            }
            if (password.length() < 8 || password.length() > 128) {
                errors.put("password", "signup.error.password");
            }
            Map<String, String> typed = Map.of("email", email, "organisationName", organisationName);
            if (!errors.isEmpty()) {
                return Mono.just(refused(exchange, model, "organiser/signup", typed, errors));
            }
            return signIn.signUp(email, password, organisationName)
                    .then(signIn.logIn(email, password))
                    .map(token -> {
                        sessions.open(exchange, token);
                        return "redirect:/organiser?welcome=1";
                    })
                    .onErrorResume(
                            EmailAlreadyRegistered.class,
                            e -> Mono.just(refused(
                                    exchange,
                                    model,
                                    "organiser/signup",
                                    typed,
                                    Map.of("email", "signup.error.taken"))));
        });
    }

    @GetMapping("/organiser/login")
    String loginForm(@RequestParam(required = false) @Nullable String expired, Model model) {
        model.addAttribute("expired", expired != null);
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "organiser/login";
    }

    @PostMapping("/organiser/login")
    Mono<String> login(ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(data -> {
            String email = Forms.text(data, "email");
            String password = data.getFirst("password") == null ? "" : data.getFirst("password");
            return signIn.logIn(email, password)
                    .map(token -> {
                        sessions.open(exchange, token);
                        return "redirect:/organiser";
                    })
                    .onErrorResume(
                            BadCredentials.class,
                            e -> Mono.just(refused(
                                    exchange,
                                    model,
                                    "organiser/login",
                                    Map.of("email", email),
                                    Map.of("form", "login.error"))));
        });
    }

    @PostMapping("/organiser/logout")
    Mono<String> logout(ServerWebExchange exchange) {
        return sessions.end(exchange).thenReturn("redirect:/");
    }

    private static String refused(
            ServerWebExchange exchange,
            Model model,
            String view,
            Map<String, String> typed,
            Map<String, String> errors) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("form", typed);
        model.addAttribute("errors", errors);
        return view;
    }
}
