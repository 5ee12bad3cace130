package org.tirelire.web.organiser;

import jakarta.validation.Valid;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.identity.api.BadCredentials;
import org.tirelire.identity.api.EmailAlreadyRegistered;
import org.tirelire.identity.api.NotAMember;
import org.tirelire.identity.api.OrganiserSignIn;
import org.tirelire.identity.api.TwoFactorCodeRequired;
import org.tirelire.identity.api.TwoFactorEnrolmentRequired;
import org.tirelire.identity.api.TwoFactorSetup;
import org.tirelire.identity.api.WrongTwoFactorCode;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/** Organisers sign up, log in and out on the web pages; the session is a cookie holding their token. */
@Controller
class OrganiserAccountPages {

    private final OrganiserSignIn signIn;
    private final TwoFactorSetup twoFactor;
    private final OrganiserSession sessions;

    OrganiserAccountPages(OrganiserSignIn signIn, TwoFactorSetup twoFactor, OrganiserSession sessions) {
        this.signIn = signIn;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/signup")
    String signupForm(Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("errors", Map.of());
        return "organiser/signup";
    }

    @PostMapping("/organiser/signup")
    Mono<String> signup(
            @Valid @ModelAttribute("signup") SignupForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        if (binding.hasErrors()) {
            return Mono.just(refused(exchange, model, "organiser/signup", form.typed(), FormInput.errors(binding)));
        }
        return signIn.signUp(form.email(), form.password(), form.organisationName())
                .then(signIn.logIn(form.email(), form.password()))
                .map(tokens -> {
                    sessions.open(exchange, tokens);
                    return "redirect:/organiser?welcome=1";
                })
                .onErrorResume(
                        EmailAlreadyRegistered.class,
                        e -> Mono.just(refused(
                                exchange,
                                model,
                                "organiser/signup",
                                form.typed(),
                                Map.of("email", "signup.error.taken"))));
    }

    @GetMapping("/organiser/login")
    String loginForm(
            @RequestParam(required = false) @Nullable String expired,
            @RequestParam(required = false) @Nullable String twoFactor,
            Model model) {
        model.addAttribute("expired", expired != null);
        // Just enrolled at the organisation's request: the next sign-in takes a code.
        model.addAttribute("twoFactorOn", twoFactor != null);
        model.addAttribute("form", twoFactor != null ? Map.of("needCode", "true") : Map.of());
        model.addAttribute("errors", Map.of());
        return "organiser/login";
    }

    @PostMapping("/organiser/login")
    Mono<String> login(@ModelAttribute("login") LoginForm form, ServerWebExchange exchange, Model model) {
        return signIn.logIn(form.email(), form.password(), null, form.code())
                .map(tokens -> {
                    sessions.open(exchange, tokens);
                    return "redirect:/organiser";
                })
                // Two-factor sign-in: the page asks for the code (and the password again, never kept).
                .onErrorResume(
                        e -> e instanceof TwoFactorCodeRequired || e instanceof WrongTwoFactorCode,
                        e -> Mono.just(refused(
                                exchange,
                                model,
                                "organiser/login",
                                Map.of("email", form.email(), "needCode", "true"),
                                Map.of(
                                        "form",
                                        e instanceof WrongTwoFactorCode ? "login.wrongCode" : "login.codeNeeded"))))
                // The organisation requires a second factor the person has not set up: they do it now.
                .onErrorResume(
                        TwoFactorEnrolmentRequired.class,
                        required -> twoFactor
                                .enrolWithSetupToken(required.setupToken())
                                .map(enrolment -> SecurityPages.enrolmentPage(enrolment, required.setupToken(), model)))
                .onErrorResume(
                        BadCredentials.class,
                        e -> Mono.just(refused(
                                exchange,
                                model,
                                "organiser/login",
                                Map.of("email", form.email()),
                                Map.of("form", "login.error"))))
                .onErrorResume(
                        NotAMember.class,
                        e -> Mono.just(refused(
                                exchange,
                                model,
                                "organiser/login",
                                Map.of("email", form.email()),
                                Map.of("form", "login.notMember"))));
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
