package org.tirelire.donation.receipt;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.donation.audit.AuditTrail;
import org.tirelire.donation.donation.PostalAddress;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.web.InvalidFields;

/**
 * Reads and changes an organisation's receipt settings. Everything typed is checked at once and every
 * mistake named; turning receipts on also names every mention still missing, and nothing is saved until
 * the whole request will do.
 */
@Component
public class ReceiptSettingsChanges {

    private final ReceiptSettingsRepository settings;
    private final ReceiptSignatures signatures;
    private final AggregateUpdates updates;
    private final AuditTrail auditTrail;

    ReceiptSettingsChanges(
            ReceiptSettingsRepository settings,
            ReceiptSignatures signatures,
            AggregateUpdates updates,
            AuditTrail auditTrail) {
        this.settings = settings;
        this.signatures = signatures;
        this.updates = updates;
        this.auditTrail = auditTrail;
    }

    public ReceiptSettings current(String organisationId) {
        return settings.findById(organisationId).orElseGet(() -> ReceiptSettings.none(organisationId));
    }

    /** The settings receipts are issued with now; empty while the organisation issues none. */
    public Optional<ReceiptSettings> issuing(String organisationId) {
        return settings.findById(organisationId).filter(ReceiptSettings::issuing);
    }

    /** Call once the organiser's password was confirmed. */
    public ReceiptSettings change(Organiser by, ReceiptSettingsRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        ReceiptSettings.Change change = checked(request, problems);
        if (change.enabled()) {
            boolean confirmedBefore = current(by.organisationId()).eligibilityConfirmedAt() != null;
            change.missing(confirmedBefore).forEach(problems::putIfAbsent);
        }
        if (!problems.isEmpty()) {
            throw new InvalidFields(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Receipt settings incomplete",
                    change.enabled()
                            ? "Receipts can be turned on once every mention a receipt must carry is given"
                            : "Some settings are not valid",
                    problems);
        }
        ReceiptSettings.Change toSave =
                request.signatureImage() == null || request.signatureImage().isBlank()
                        ? change
                        : withSignature(
                                change,
                                signatures.keep(ReceiptSignatures.decode(request.signatureImage())
                                        .orElseThrow()));
        String organisationId = by.organisationId();
        if (!settings.existsById(organisationId)) {
            try {
                updates.insert(settings, ReceiptSettings.none(organisationId));
            } catch (DuplicateKeyException createdMeanwhile) {
                // Another request created them a moment ago: change those.
            }
        }
        return updates.update(
                settings, organisationId, () -> new IllegalStateException("settings just created"), current -> {
                    current.update(
                            toSave,
                            auditTrail.taken(
                                    by,
                                    AuditAction.RECEIPT_SETTINGS_CHANGED,
                                    "tax receipts " + (toSave.enabled() ? "on, " + toSave.mode() : "off")));
                    return current;
                });
    }

    private static ReceiptSettings.Change checked(ReceiptSettingsRequest request, Map<String, String> problems) {
        PostalAddress address = request.address();
        if (address != null) {
            Map<String, String> wrong = address.problems("address");
            problems.putAll(wrong);
            address = wrong.isEmpty() ? address.normalised() : null;
        }
        LegalStatus legalStatus = null;
        if (present(request.legalStatus())) {
            try {
                legalStatus = LegalStatus.valueOf(request.legalStatus().strip());
            } catch (IllegalArgumentException unknown) {
                problems.put("legalStatus", "Use one of " + List.of(LegalStatus.values()));
            }
        }
        String rna = present(request.rna()) ? request.rna().strip().toUpperCase(Locale.ROOT) : null;
        if (rna != null && !rna.matches("W[0-9A-Z]{9}")) {
            problems.put("rna", "An RNA number is W followed by nine characters, such as W751234567");
        }
        String siren = present(request.siren()) ? request.siren().replace(" ", "") : null;
        if (siren != null && !isSiren(siren)) {
            problems.put("siren", "A SIREN has nine digits and a valid check digit");
        }
        Set<TaxArticle> articles = EnumSet.noneOf(TaxArticle.class);
        for (String code : request.articles() == null ? List.<String>of() : request.articles()) {
            TaxArticle.ofCode(code == null ? "" : code.strip())
                    .ifPresentOrElse(
                            articles::add, () -> problems.put("articles", "Use 200, 238bis or 978, not " + code));
        }
        ReceiptSettings.Signatory signatory = null;
        ReceiptSettingsRequest.Signatory typed = request.signatory();
        if (typed != null && (present(typed.name()) || present(typed.title()))) {
            if (!present(typed.name())) {
                problems.put("signatory.name", "Give the signatory's name");
            } else if (!present(typed.title())) {
                problems.put("signatory.title", "Give the signatory's title, such as Président or Trésorière");
            } else {
                signatory = new ReceiptSettings.Signatory(
                        typed.name().strip(), typed.title().strip());
            }
        }
        ReceiptMode mode = ReceiptMode.PER_GIFT;
        if (present(request.mode())) {
            try {
                mode = ReceiptMode.valueOf(request.mode().strip());
            } catch (IllegalArgumentException unknown) {
                problems.put("mode", "Use PER_GIFT or ANNUAL");
            }
        }
        if (present(request.signatureImage())
                && ReceiptSignatures.decode(request.signatureImage()).isEmpty()) {
            problems.put("signatureImage", "Give a PNG or JPEG image of at most 200 KB, in base64");
        }
        return new ReceiptSettings.Change(
                Boolean.TRUE.equals(request.enabled()),
                trimmed(request.legalName()),
                address,
                trimmed(request.object()),
                legalStatus,
                rna,
                siren,
                articles,
                Boolean.TRUE.equals(request.reducedRate75()),
                signatory,
                mode,
                request.signatureImage() == null,
                null,
                Boolean.TRUE.equals(request.eligibilityConfirmed()));
    }

    private static ReceiptSettings.Change withSignature(ReceiptSettings.Change change, String signatureId) {
        return new ReceiptSettings.Change(
                change.enabled(),
                change.legalName(),
                change.address(),
                change.object(),
                change.legalStatus(),
                change.rna(),
                change.siren(),
                change.articles(),
                change.reducedRate75(),
                change.signatory(),
                change.mode(),
                false,
                signatureId,
                change.eligibilityConfirmed());
    }

    /** Nine digits whose Luhn sum is a multiple of ten, as INSEE numbers them. */
    static boolean isSiren(String siren) {
        if (!siren.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = siren.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    private static @Nullable String trimmed(@Nullable String text) {
        return present(text) ? text.strip() : null;
    }
}
