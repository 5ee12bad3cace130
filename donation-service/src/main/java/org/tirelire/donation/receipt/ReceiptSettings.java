package org.tirelire.donation.receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.donation.donation.PostalAddress;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/**
 * How an organisation issues tax receipts: its legal identity as receipts print it, who signs, per gift
 * or once a year, and whether it is on. Receipts can only be on while every mention the law asks for is
 * here ({@link #missing}) and an organiser confirmed the organisation is entitled to issue them.
 */
@Document("receipt_settings")
public class ReceiptSettings implements OutboxAggregate {

    public record Signatory(String name, String title) {}

    @Id
    private final String organisationId;

    private boolean enabled;
    private @Nullable String legalName;
    private @Nullable PostalAddress address;
    private @Nullable String object;
    private @Nullable LegalStatus legalStatus;
    private @Nullable String rna;
    private @Nullable String siren;
    private Set<TaxArticle> articles;
    private boolean reducedRate75;
    private @Nullable Signatory signatory;
    private ReceiptMode mode;
    /** The SHA-256 of the signature image in {@code receipt_signatures}; null when receipts print the name only. */
    private @Nullable String signatureId;

    private @Nullable Instant eligibilityConfirmedAt;
    private @Nullable String eligibilityConfirmedBy;
    private @Nullable Instant updatedAt;
    private final List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    ReceiptSettings(String organisationId, List<PendingEvent> outbox, @Nullable Long version) {
        this.organisationId = organisationId;
        this.articles = EnumSet.noneOf(TaxArticle.class);
        this.mode = ReceiptMode.PER_GIFT;
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    static ReceiptSettings none(String organisationId) {
        return new ReceiptSettings(organisationId, List.of(), null);
    }

    /** The settings as the organiser last saved them; {@code change} holds what they asked for, checked. */
    void update(Change change, OrganisationActionTaken report) {
        legalName = change.legalName();
        address = change.address();
        object = change.object();
        legalStatus = change.legalStatus();
        rna = change.rna();
        siren = change.siren();
        articles = change.articles().isEmpty() ? EnumSet.noneOf(TaxArticle.class) : EnumSet.copyOf(change.articles());
        reducedRate75 = change.reducedRate75();
        signatory = change.signatory();
        mode = change.mode();
        if (!change.keepsSignature()) {
            signatureId = change.signatureId();
        }
        if (change.eligibilityConfirmed()) {
            eligibilityConfirmedAt = report.takenAt();
            eligibilityConfirmedBy = report.actorEmail();
        }
        enabled = change.enabled();
        if (enabled && !missing().isEmpty()) {
            throw new IllegalStateException(
                    "receipts on with mentions missing: " + missing().keySet());
        }
        updatedAt = report.takenAt();
        outbox.add(PendingEvent.of(report, report.takenAt()));
    }

    /**
     * What a receipt cannot go without, by field, with what to do; empty when receipts may be turned on.
     * The eligibility confirmation counts only once given.
     */
    public Map<String, String> missing() {
        return missing(
                legalName,
                address,
                object,
                legalStatus,
                rna,
                siren,
                articles,
                signatory,
                eligibilityConfirmedAt != null);
    }

    static Map<String, String> missing(
            @Nullable String legalName,
            @Nullable PostalAddress address,
            @Nullable String object,
            @Nullable LegalStatus legalStatus,
            @Nullable String rna,
            @Nullable String siren,
            Set<TaxArticle> articles,
            @Nullable Signatory signatory,
            boolean eligibilityConfirmed) {
        Map<String, String> missing = new LinkedHashMap<>();
        if (blank(legalName)) {
            missing.put("legalName", "Give the organisation's name as declared");
        }
        if (address == null) {
            missing.put("address", "Give the organisation's postal address");
        }
        if (blank(object)) {
            missing.put("object", "Describe the organisation's object, as in its statutes");
        }
        if (legalStatus == null) {
            missing.put("legalStatus", "Say which kind of organisation it is");
        }
        if (blank(rna) && blank(siren)) {
            missing.put("rna", "Give the RNA number (W…) or the SIREN, or both");
        }
        if (articles.isEmpty()) {
            missing.put("articles", "Say which articles of the tax code the gifts fall under (200, 238bis, 978)");
        }
        if (signatory == null) {
            missing.put("signatory", "Give the name and title of who signs the receipts");
        }
        if (!eligibilityConfirmed) {
            missing.put(
                    "eligibilityConfirmed",
                    "Confirm the organisation is of general interest (or has a favourable rescrit) and may issue receipts");
        }
        return missing;
    }

    /** Receipts are issued now: on, and nothing missing. */
    public boolean issuing() {
        return enabled && missing().isEmpty();
    }

    /**
     * A checked change of the settings.
     *
     * @param keepsSignature the request left the image out: the current one stays
     */
    record Change(
            boolean enabled,
            @Nullable String legalName,
            @Nullable PostalAddress address,
            @Nullable String object,
            @Nullable LegalStatus legalStatus,
            @Nullable String rna,
            @Nullable String siren,
            Set<TaxArticle> articles,
            boolean reducedRate75,
            @Nullable Signatory signatory,
            ReceiptMode mode,
            boolean keepsSignature,
            @Nullable String signatureId,
            boolean eligibilityConfirmed) {

        /** What would still be missing with this change, given whether eligibility was confirmed before. */
        Map<String, String> missing(boolean confirmedBefore) {
            return ReceiptSettings.missing(
                    legalName,
                    address,
                    object,
                    legalStatus,
                    rna,
                    siren,
                    articles,
                    signatory,
                    confirmedBefore || eligibilityConfirmed);
        }
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    public String organisationId() {
        return organisationId;
    }

    public boolean enabled() {
        return enabled;
    }

    public @Nullable String legalName() {
        return legalName;
    }

    public @Nullable PostalAddress address() {
        return address;
    }

    public @Nullable String object() {
        return object;
    }

    public @Nullable LegalStatus legalStatus() {
        return legalStatus;
    }

    public @Nullable String rna() {
        return rna;
    }

    public @Nullable String siren() {
        return siren;
    }

    public Set<TaxArticle> articles() {
        return articles.isEmpty() ? EnumSet.noneOf(TaxArticle.class) : EnumSet.copyOf(articles);
    }

    public boolean reducedRate75() {
        return reducedRate75;
    }

    public @Nullable Signatory signatory() {
        return signatory;
    }

    public ReceiptMode mode() {
        return mode;
    }

    public @Nullable String signatureId() {
        return signatureId;
    }

    public @Nullable Instant eligibilityConfirmedAt() {
        return eligibilityConfirmedAt;
    }

    public @Nullable String eligibilityConfirmedBy() {
        return eligibilityConfirmedBy;
    }

    public @Nullable Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
