package org.tirelire.web.organiser;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformViews.ReceiptSettings;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
import reactor.core.publisher.Mono;

/**
 * Tax receipts for the treasurer: the settings (what a receipt must carry, and what is still missing
 * before receipts can be turned on), the register of a year with its total, and its exports: CSV for
 * the accounts, every PDF in a ZIP, each receipt on its own.
 */
@Controller
class ReceiptPages {

    /** The fields the form shows an error next to, named as donation-service names them. */
    private static final Set<String> FIELDS = Set.of(
            "legalName",
            "address",
            "address.line1",
            "address.postalCode",
            "address.city",
            "address.country",
            "object",
            "legalStatus",
            "rna",
            "siren",
            "articles",
            "signatory",
            "signatory.name",
            "signatory.title",
            "mode",
            "eligibilityConfirmed",
            "signatureImage",
            "currentPassword");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DonationApi donations;
    private final OrganiserSession sessions;
    private final Clock clock;

    ReceiptPages(DonationApi donations, OrganiserSession sessions, Clock clock) {
        this.donations = donations;
        this.sessions = sessions;
        this.clock = clock;
    }

    @GetMapping("/organiser/receipts")
    Mono<String> receipts(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String saved,
            @RequestParam(required = false) @Nullable Integer issued,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations
                        .receiptSettings(organiser.authorization())
                        .flatMap(settings -> {
                            model.addAttribute("saved", saved != null);
                            model.addAttribute("issued", issued);
                            return page(organiser, settings, ReceiptSettingsForm.of(settings), Map.of(), year, model);
                        }));
    }

    @PostMapping("/organiser/receipts")
    Mono<String> change(@ModelAttribute("form") ReceiptSettingsForm form, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> signatureOf(form)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(signature -> donations.changeReceiptSettings(
                                organiser.authorization(), form.toChange(signature.orElse(null))))
                        .map(saved -> "redirect:/organiser/receipts?saved=1")
                        .onErrorResume(PlatformRefusal.class, refusal -> {
                            exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                            return donations
                                    .receiptSettings(organiser.authorization())
                                    .flatMap(settings -> page(
                                            organiser,
                                            settings,
                                            form.withoutPassword(),
                                            errorsOf(
                                                    refusal,
                                                    !form.currentPassword().isBlank()),
                                            null,
                                            model));
                        }));
    }

    @PostMapping("/organiser/receipts/annual")
    Mono<String> issueAnnual(@RequestParam int year, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations
                        .issueAnnualReceipts(organiser.authorization(), year)
                        .map(result -> "redirect:/organiser/receipts?year=" + year + "&issued=" + result.issued()));
    }

    @GetMapping("/organiser/receipts/{year}.csv")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable int year, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations.receiptRegisterCsv(organiser.authorization(), year))
                .map(csv -> download(
                        csv, new MediaType("text", "csv", StandardCharsets.UTF_8), "recus-fiscaux-" + year + ".csv"));
    }

    @GetMapping("/organiser/receipts/{year}.zip")
    Mono<ResponseEntity<byte[]>> zip(@PathVariable int year, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations.receiptArchive(organiser.authorization(), year))
                .map(zip ->
                        download(zip, MediaType.parseMediaType("application/zip"), "recus-fiscaux-" + year + ".zip"));
    }

    @GetMapping("/organiser/receipts/pdf/{number}")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String number, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations.receiptPdf(organiser.authorization(), number))
                .map(pdf -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"recu-fiscal-" + number + ".pdf\"")
                        .body(pdf));
    }

    private Mono<String> page(
            Organiser organiser,
            ReceiptSettings settings,
            ReceiptSettingsForm form,
            Map<String, String> errors,
            @Nullable Integer year,
            Model model) {
        int thisYear = clock.instant().atZone(PARIS).getYear();
        int shown = year == null || year < 2000 || year > thisYear ? thisYear : year;
        model.addAttribute("settings", settings);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("year", shown);
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("mayChange", organiser.may("MANAGE_RECEIPTS"));
        if (!organiser.may("SEE_DONATIONS")) {
            model.addAttribute("register", null);
            return Mono.just("organiser/receipts");
        }
        return donations.receiptRegister(organiser.authorization(), shown).map(register -> {
            model.addAttribute("register", register);
            return "organiser/receipts";
        });
    }

    /** The uploaded signature image in base64, or nothing when none was chosen (the current one stays). */
    private static Mono<String> signatureOf(ReceiptSettingsForm form) {
        FilePart upload = form.signatureImage();
        if (upload == null || upload.filename().isBlank()) {
            return Mono.empty();
        }
        return DataBufferUtils.join(upload.content())
                .map(buffer -> {
                    byte[] image = new byte[buffer.readableByteCount()];
                    buffer.read(image);
                    DataBufferUtils.release(buffer);
                    return Base64.getEncoder().encodeToString(image);
                })
                .filter(image -> !image.isEmpty());
    }

    /** A refusal as message keys by form field (the address's parts by their own), and a summary. */
    /** @param passwordTyped a refused password was typed, so it was the wrong one */
    private static Map<String, String> errorsOf(PlatformRefusal refusal, boolean passwordTyped) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal.status() == 429) {
            errors.put("form", "receipts.error.tooMany");
            return errors;
        }
        refusal.messagesByField().keySet().stream()
                .filter(FIELDS::contains)
                .forEach(field -> errors.put(field, "receipts.error." + field));
        if (errors.containsKey("currentPassword") && passwordTyped) {
            errors.put("currentPassword", "receipts.error.currentPassword.wrong");
        }
        errors.put("form", "receipts.error.refused");
        return errors;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }
}
