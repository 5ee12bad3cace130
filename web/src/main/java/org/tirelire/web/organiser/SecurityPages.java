package org.tirelire.web.organiser;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.identity.api.EmbedSites;
import org.tirelire.identity.api.InvalidAccessToken;
import org.tirelire.identity.api.InvalidEmbedSite;
import org.tirelire.identity.api.PasswordNotConfirmed;
import org.tirelire.identity.api.TooManyFailedLogins;
import org.tirelire.identity.api.TwoFactorAlreadyOn;
import org.tirelire.identity.api.TwoFactorNeededFirst;
import org.tirelire.identity.api.TwoFactorNotConfirmed;
import org.tirelire.identity.api.TwoFactorSetup;
import org.tirelire.identity.api.TwoFactorUnavailable;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.QrCodes;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformViews.HeldWords;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
import reactor.core.publisher.Mono;

/**
 * Sign-in security: the organiser turns on two-factor sign-in with any authenticator app (the page shows
 * the QR code, the secret for typing by hand and the recovery codes once, then asks for a first code), and
 * an administrator may require it of every member. A member whose organisation requires it and who has
 * none is brought here by the login page, with the setup token it was given instead of a session.
 */
@Controller
class SecurityPages {

    private final TwoFactorSetup twoFactor;
    private final EmbedSites embedSites;
    private final DonationApi donations;
    private final OrganiserSession sessions;

    SecurityPages(TwoFactorSetup twoFactor, EmbedSites embedSites, DonationApi donations, OrganiserSession sessions) {
        this.twoFactor = twoFactor;
        this.embedSites = embedSites;
        this.donations = donations;
        this.sessions = sessions;
    }

    /** The held words, as typed: separated by commas or lines. */
    record Words(String words) {

        List<String> list() {
            return FormInput.entries(words, true);
        }
    }

    @PostMapping("/organiser/security/held-words")
    Mono<String> heldWords(@ModelAttribute("words") Words words, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations
                        .replaceHeldWords(organiser.authorization(), new HeldWords(words.list()))
                        .map(saved -> "redirect:/organiser/security?done=words")
                        .onErrorResume(
                                PlatformRefusal.class,
                                e -> refused(organiser, "security.error.words", exchange, model)));
    }

    /** The sites that may frame the widgets, one per line as typed. */
    record Sites(String origins, String currentPassword) {

        List<String> lines() {
            return FormInput.entries(origins, false);
        }
    }

    @PostMapping("/organiser/security/embeds")
    Mono<String> embeds(@ModelAttribute("sites") Sites sites, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> embedSites
                        .allow(organiser.token(), sites.lines(), passwordOrNull(sites.currentPassword()))
                        .map(saved -> "redirect:/organiser/security?done=embeds")
                        .onErrorResume(
                                InvalidEmbedSite.class,
                                e -> refused(organiser, "security.error.embeds", exchange, model))
                        .onErrorResume(
                                e -> e instanceof PasswordNotConfirmed || e instanceof TooManyFailedLogins,
                                e -> refused(organiser, "security.error.password", exchange, model)));
    }

    record Enrol(String currentPassword) {}

    record Confirm(String code) {

        Confirm {
            code = FormInput.text(code);
        }
    }

    record Requirement(boolean required, String currentPassword) {}

    @GetMapping("/organiser/security")
    Mono<String> security(
            @RequestParam(required = false) @Nullable String done, ServerWebExchange exchange, Model model) {
        model.addAttribute("done", done == null ? "" : done);
        return sessions.required(exchange).flatMap(organiser -> page(organiser, Map.of(), model));
    }

    @PostMapping("/organiser/security/requirement")
    Mono<String> requirement(
            @ModelAttribute("requirement") Requirement requirement, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> twoFactor
                        .requireForOrganisation(
                                organiser.token(),
                                requirement.required(),
                                passwordOrNull(requirement.currentPassword()))
                        .map(required -> "redirect:/organiser/security?done=" + (required ? "required" : "optional"))
                        .onErrorResume(
                                e -> e instanceof PasswordNotConfirmed || e instanceof TooManyFailedLogins,
                                e -> refused(organiser, "security.error.password", exchange, model))
                        .onErrorResume(
                                TwoFactorNeededFirst.class,
                                e -> refused(organiser, "security.error.yoursFirst", exchange, model)));
    }

    @PostMapping("/organiser/security/enrol")
    Mono<String> enrol(@ModelAttribute("enrol") Enrol enrol, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> twoFactor
                        .enrol(organiser.token(), passwordOrNull(enrol.currentPassword()))
                        .map(enrolment -> enrolmentPage(enrolment, null, model))
                        .onErrorResume(
                                e -> e instanceof PasswordNotConfirmed || e instanceof TooManyFailedLogins,
                                e -> refused(organiser, "security.error.password", exchange, model))
                        .onErrorResume(TwoFactorAlreadyOn.class, e -> page(organiser, Map.of(), model))
                        .onErrorResume(
                                TwoFactorUnavailable.class,
                                e -> refused(organiser, "security.error.unavailable", exchange, model)));
    }

    /**
     * The enrolment a login led to: the QR code and a first code to type, with the setup token that stands
     * in for a session; once confirmed, the person signs in with their password and a code.
     */
    static String enrolmentPage(TwoFactorSetup.Enrolment enrolment, @Nullable String setupToken, Model model) {
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("qrCode", QrCodes.svg(enrolment.otpauthUri(), 220, "QR code"));
        return confirmationPage(setupToken, Map.of(), model);
    }

    /** The page that asks for the first code, with the enrolment shown above it or not. */
    private static String confirmationPage(@Nullable String setupToken, Map<String, String> errors, Model model) {
        model.addAttribute("setupToken", setupToken);
        model.addAttribute("enabled", false);
        model.addAttribute("done", "");
        model.addAttribute("errors", errors);
        return "organiser/security";
    }

    record SetupConfirm(String setupToken, String code) {

        SetupConfirm {
            code = FormInput.text(code);
        }
    }

    /**
     * The first code of an enrolment a login asked for. A wrong one asks for the code again, without showing
     * the secret a second time; signing in again starts a new enrolment.
     */
    @PostMapping("/organiser/login/two-factor")
    Mono<String> confirmAtLogin(
            @ModelAttribute("confirm") SetupConfirm confirm, ServerWebExchange exchange, Model model) {
        return twoFactor
                .confirmWithSetupToken(confirm.setupToken(), confirm.code())
                .thenReturn("redirect:/organiser/login?twoFactor=on")
                .onErrorResume(TwoFactorNotConfirmed.class, e -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return Mono.just(
                            confirmationPage(confirm.setupToken(), Map.of("form", "security.error.code"), model));
                })
                .onErrorResume(InvalidAccessToken.class, e -> Mono.just("redirect:/organiser/login?expired"));
    }

    private static @Nullable String passwordOrNull(@Nullable String typed) {
        return typed == null || typed.isEmpty() ? null : typed;
    }

    @PostMapping("/organiser/security/confirm")
    Mono<String> confirm(@ModelAttribute("confirm") Confirm confirm, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> twoFactor
                        .confirm(organiser.token(), confirm.code())
                        .thenReturn("redirect:/organiser/security?done=on")
                        .onErrorResume(
                                TwoFactorNotConfirmed.class,
                                e -> refused(organiser, "security.error.code", exchange, model)));
    }

    private Mono<String> refused(Organiser organiser, String error, ServerWebExchange exchange, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("done", "");
        return page(organiser, Map.of("form", error), model);
    }

    private Mono<String> page(Organiser organiser, Map<String, String> errors, Model model) {
        return Mono.zip(
                        twoFactor.enabled(organiser.token()),
                        twoFactor.requiredByOrganisation(organiser.token()),
                        embedSites.ofOrganisation(organiser.token()),
                        organiser.may("MODERATE_MESSAGES")
                                ? donations
                                        .heldWords(organiser.authorization())
                                        .map(HeldWords::words)
                                        .onErrorReturn(List.of())
                                : Mono.just(List.<String>of()))
                .map(state -> {
                    model.addAttribute("enabled", state.getT1());
                    model.addAttribute("requiredByOrganisation", state.getT2());
                    model.addAttribute("embedSites", state.getT3());
                    model.addAttribute("heldWords", state.getT4());
                    model.addAttribute("moderator", organiser.may("MODERATE_MESSAGES"));
                    model.addAttribute("administrator", organiser.may("MANAGE_SETTINGS"));
                    model.addAttribute("errors", errors);
                    return "organiser/security";
                });
    }
}
