package org.tirelire.web.organiser;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
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
import org.tirelire.identity.api.PasswordNotConfirmed;
import org.tirelire.identity.api.TooManyFailedLogins;
import org.tirelire.identity.api.TwoFactorAlreadyOn;
import org.tirelire.identity.api.TwoFactorNotConfirmed;
import org.tirelire.identity.api.TwoFactorSetup;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/**
 * The organiser's own sign-in security: turning on two-factor sign-in with any authenticator app. The
 * page shows the QR code, the secret for typing by hand and the recovery codes once, then asks for a
 * first code to confirm.
 */
@Controller
class SecurityPages {

    private final TwoFactorSetup twoFactor;
    private final OrganiserSession sessions;

    SecurityPages(TwoFactorSetup twoFactor, OrganiserSession sessions) {
        this.twoFactor = twoFactor;
        this.sessions = sessions;
    }

    record Enrol(String currentPassword) {}

    record Confirm(String code) {

        Confirm {
            code = FormInput.text(code);
        }
    }

    @GetMapping("/organiser/security")
    Mono<String> security(
            @RequestParam(required = false) @Nullable String done, ServerWebExchange exchange, Model model) {
        model.addAttribute("done", "on".equals(done));
        return sessions.required(exchange).flatMap(organiser -> page(organiser.token(), Map.of(), model));
    }

    @PostMapping("/organiser/security/enrol")
    Mono<String> enrol(@ModelAttribute("enrol") Enrol enrol, ServerWebExchange exchange, Model model) {
        String password =
                enrol.currentPassword() == null || enrol.currentPassword().isEmpty() ? null : enrol.currentPassword();
        return sessions.required(exchange)
                .flatMap(organiser -> twoFactor
                        .enrol(organiser.token(), password)
                        .map(enrolment -> {
                            model.addAttribute("enrolment", enrolment);
                            model.addAttribute("qrCode", qrSvg(enrolment.otpauthUri()));
                            model.addAttribute("enabled", false);
                            model.addAttribute("errors", Map.of());
                            return "organiser/security";
                        })
                        .onErrorResume(
                                e -> e instanceof PasswordNotConfirmed || e instanceof TooManyFailedLogins,
                                e -> refused(organiser.token(), "security.error.password", exchange, model))
                        .onErrorResume(TwoFactorAlreadyOn.class, e -> page(organiser.token(), Map.of(), model)));
    }

    @PostMapping("/organiser/security/confirm")
    Mono<String> confirm(@ModelAttribute("confirm") Confirm confirm, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> twoFactor
                        .confirm(organiser.token(), confirm.code())
                        .thenReturn("redirect:/organiser/security?done=on")
                        .onErrorResume(
                                TwoFactorNotConfirmed.class,
                                e -> refused(organiser.token(), "security.error.code", exchange, model)));
    }

    private Mono<String> refused(String token, String error, ServerWebExchange exchange, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        return page(token, Map.of("form", error), model);
    }

    private Mono<String> page(String token, Map<String, String> errors, Model model) {
        return twoFactor.enabled(token).map(enabled -> {
            model.addAttribute("enabled", enabled);
            model.addAttribute("errors", errors);
            return "organiser/security";
        });
    }

    /** The QR code as inline SVG: one path, a run of dark modules per stroke. Our own text only, never input. */
    static String qrSvg(String text) {
        try {
            BitMatrix matrix =
                    new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 2));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, y)) {
                        x++;
                    }
                    path.append('M')
                            .append(start)
                            .append(' ')
                            .append(y)
                            .append('h')
                            .append(x - start)
                            .append("v1H")
                            .append(start)
                            .append('z');
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + ' '
                    + matrix.getHeight() + "\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\""
                    + " role=\"img\" aria-label=\"QR code\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                    + "<path d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("an otpauth URI always fits in a QR code", e);
        }
    }
}
