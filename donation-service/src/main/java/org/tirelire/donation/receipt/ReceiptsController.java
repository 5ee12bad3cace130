package org.tirelire.donation.receipt;

import jakarta.validation.Valid;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.campaign.CampaignSnapshot;
import org.tirelire.donation.campaign.CampaignSnapshots;
import org.tirelire.donation.donation.CampaignUnknown;
import org.tirelire.donation.donation.DonationNotFound;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.DonationStatus;
import org.tirelire.donation.identity.PasswordConfirmation;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.web.InvalidFields;

/**
 * Tax receipts over HTTP: an organisation's settings and register, the donor's download through a signed
 * link, and what the giving form shows of the tax reduction.
 */
@RestController
class ReceiptsController {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReceiptSettingsChanges settings;
    private final ReceiptRegister register;
    private final ReceiptRepository receipts;
    private final ReceiptLinks links;
    private final ReceiptPdf pdf;
    private final DonationRepository donations;
    private final CampaignSnapshots campaigns;
    private final PasswordConfirmation passwords;
    private final AuditTrail auditTrail;
    private final long reducedRateCeiling;
    private final Clock clock;

    ReceiptsController(
            ReceiptSettingsChanges settings,
            ReceiptRegister register,
            ReceiptRepository receipts,
            ReceiptLinks links,
            ReceiptPdf pdf,
            DonationRepository donations,
            CampaignSnapshots campaigns,
            PasswordConfirmation passwords,
            AuditTrail auditTrail,
            @Value("${tirelire.receipts.reduced-rate-ceiling:100000}") long reducedRateCeiling,
            Clock clock) {
        this.settings = settings;
        this.register = register;
        this.receipts = receipts;
        this.links = links;
        this.pdf = pdf;
        this.donations = donations;
        this.campaigns = campaigns;
        this.passwords = passwords;
        this.auditTrail = auditTrail;
        this.reducedRateCeiling = reducedRateCeiling;
        this.clock = clock;
    }

    @GetMapping("/api/organisations/me/receipts/settings")
    ReceiptSettingsView settings(@AuthenticationPrincipal Jwt token) {
        return ReceiptSettingsView.of(settings.current(
                Organiser.from(token).permittedTo(Capability.SEE_CAMPAIGNS).organisationId()));
    }

    /** Receipts are fined when issued without the right to: the change asks for the password again. */
    @PutMapping("/api/organisations/me/receipts")
    ReceiptSettingsView change(@AuthenticationPrincipal Jwt token, @Valid @RequestBody ReceiptSettingsRequest request) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.MANAGE_RECEIPTS);
        passwords.confirm(token, request.currentPassword()); // a blank one is refused there, naming the field
        return ReceiptSettingsView.of(settings.change(organiser, request));
    }

    /** The register of a year (this one unless named), as JSON or, with {@code Accept: text/csv}, as CSV. */
    @GetMapping(value = "/api/organisations/me/receipts", produces = MediaType.APPLICATION_JSON_VALUE)
    ReceiptRegisterView register(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) Integer year) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.SEE_DONATIONS);
        int chosen = yearOrThis(year);
        return ReceiptRegisterView.of(chosen, entries(organiser, chosen));
    }

    @GetMapping(value = "/api/organisations/me/receipts", produces = "text/csv")
    ResponseEntity<byte[]> registerCsv(
            @AuthenticationPrincipal Jwt token, @RequestParam(required = false) Integer year) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.SEE_DONATIONS);
        int chosen = yearOrThis(year);
        List<Receipt> entries = entries(organiser, chosen);
        auditTrail.report(
                organiser,
                AuditAction.RECEIPTS_EXPORTED,
                "register of tax receipts " + chosen + " as CSV, " + entries.size() + " receipt(s)");
        return download(ReceiptRegisterCsv.write(entries), CSV, "recus-fiscaux-" + chosen + ".csv", false);
    }

    /** Every receipt of a year as PDF, in one ZIP, for the organisation's own archive. */
    @GetMapping("/api/organisations/me/receipts/archive")
    ResponseEntity<byte[]> archive(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) Integer year) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.SEE_DONATIONS);
        int chosen = yearOrThis(year);
        List<Receipt> entries = entries(organiser, chosen);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Receipt receipt : entries) {
                out.putNextEntry(new ZipEntry(fileName(receipt)));
                out.write(pdf.draw(receipt));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        auditTrail.report(
                organiser,
                AuditAction.RECEIPTS_EXPORTED,
                "tax receipts " + chosen + " as PDF in a ZIP, " + entries.size() + " receipt(s)");
        return download(
                zip.toByteArray(),
                MediaType.parseMediaType("application/zip"),
                "recus-fiscaux-" + chosen + ".zip",
                false);
    }

    /** One receipt of the register, as its donor has it (a cancelled one marked so). */
    @GetMapping("/api/organisations/me/receipts/{number}.pdf")
    ResponseEntity<byte[]> onePdf(@AuthenticationPrincipal Jwt token, @PathVariable String number) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.SEE_DONATIONS);
        Receipt receipt = receipts.findByOrganisationIdAndNumber(organiser.organisationId(), number)
                .orElseThrow(() -> new ReceiptNotFound("No receipt " + number + " in your organisation's register"));
        return download(pdf.draw(receipt), PDF, fileName(receipt), true);
    }

    /** Issues the annual receipts of a finished year now, for donors who have none yet. */
    @PostMapping("/api/organisations/me/receipts/annual")
    Map<String, Integer> issueAnnual(@AuthenticationPrincipal Jwt token, @RequestParam int year) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.MANAGE_RECEIPTS);
        if (year >= ReceiptRegister.yearOf(clock.instant()) || year < 2000) {
            throw new InvalidFields(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Year not over",
                    "Annual receipts gather the gifts of a year that is over",
                    Map.of("year", "Name a past year"));
        }
        int issued = register.issueAnnual(organiser.organisationId(), year);
        auditTrail.report(organiser, AuditAction.ANNUAL_RECEIPTS_ISSUED, issued + " annual receipt(s) for " + year);
        return Map.of("issued", issued);
    }

    /**
     * The donor's download, through the signed link of the gift's page or email. A confirmed gift's receipt
     * is issued now if the event that issues it has not been heard yet.
     */
    @GetMapping("/api/donations/{id}/receipt")
    ResponseEntity<byte[]> donorDownload(@PathVariable String id, @RequestParam(required = false) String token) {
        if (!links.admits(id, token)) {
            throw new ReceiptLinkRefused();
        }
        Receipt receipt = receipts.findByGiftsDonationId(id).stream()
                .max(Comparator.comparing((Receipt r) -> r.status() == Receipt.Status.ISSUED)
                        .thenComparing(Receipt::issuedAt))
                .or(() -> register.issueForGift(id))
                .orElseThrow(() -> notYet(id));
        return download(pdf.draw(receipt), PDF, fileName(receipt), true);
    }

    /**
     * Whether the campaign's organisation issues receipts, and what gifts cost after the tax reduction, for
     * the giving form.
     *
     * @param amounts the amounts the form suggests, in minor units
     */
    @GetMapping("/api/campaigns/{id}/receipt-policy")
    ReceiptPolicy policy(@PathVariable String id, @RequestParam(required = false) List<Long> amounts) {
        CampaignSnapshot campaign = campaigns.findById(id).orElseThrow(() -> new CampaignUnknown(id));
        return settings.issuing(campaign.organisationId())
                .map(issuing -> {
                    TaxReduction reduction = new TaxReduction(issuing.reducedRate75(), reducedRateCeiling);
                    return new ReceiptPolicy(
                            true,
                            issuing.mode(),
                            reduction.rate(),
                            Money.of(reducedRateCeiling, campaign.currency()),
                            (amounts == null ? List.<Long>of() : amounts)
                                    .stream()
                                            .filter(amount -> amount > 0 && amount <= 1_000_000_000L)
                                            .limit(12)
                                            .map(amount -> Money.of(amount, campaign.currency()))
                                            .map(gift -> new ReceiptPolicy.Estimate(
                                                    gift, reduction.costAfterReduction(gift)))
                                            .toList());
                })
                .orElseGet(() -> new ReceiptPolicy(false, null, 0, null, List.of()));
    }

    /**
     * @param reductionRate 66, or 75 up to {@code reducedRateCeiling}
     * @param estimates what each asked amount costs after the reduction
     */
    record ReceiptPolicy(
            boolean issuesReceipts,
            @Nullable ReceiptMode mode,
            int reductionRate,
            @Nullable Money reducedRateCeiling,
            List<Estimate> estimates) {

        record Estimate(Money gift, Money costAfterReduction) {}
    }

    private RuntimeException notYet(String donationId) {
        var gift = donations.findById(donationId).orElseThrow(() -> new DonationNotFound(donationId));
        if (gift.status() == DonationStatus.PENDING) {
            return new ReceiptNotReady("The gift is not confirmed yet: its receipt comes once the payment is", 2);
        }
        if (gift.status() == DonationStatus.CONFIRMED
                && settings.issuing(gift.organisationId())
                        .filter(issuing -> issuing.mode() == ReceiptMode.ANNUAL)
                        .isPresent()) {
            return new ReceiptNotReady(
                    "This organisation sends one receipt a year, in January, for all of the year's gifts", null);
        }
        return new ReceiptNotFound("This gift has no tax receipt");
    }

    private List<Receipt> entries(Organiser organiser, int year) {
        return receipts.findByOrganisationIdAndYearOrderBySequenceAsc(organiser.organisationId(), year);
    }

    private int yearOrThis(@Nullable Integer year) {
        if (year == null) {
            return ReceiptRegister.yearOf(clock.instant());
        }
        if (year < 2000 || year > 9999) {
            throw new InvalidFields(
                    HttpStatus.BAD_REQUEST, "Invalid year", "Name a year such as 2026", Map.of("year", "Name a year"));
        }
        return year;
    }

    private static String fileName(Receipt receipt) {
        return "recu-fiscal-" + receipt.number() + ".pdf";
    }

    /** @param inline a PDF opens in the browser; an export is saved */
    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName, boolean inline) {
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileName)
                .build();
        return ResponseEntity.ok()
                .contentType(type)
                .header("Content-Disposition", disposition.toString())
                .header("Cache-Control", "private, no-store")
                .body(body);
    }
}
