package org.tirelire.donation.receipt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.ReceiptCancelled;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.PostalAddress;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/**
 * One entry of an organisation's register of tax receipts: the source of truth every PDF is drawn from.
 * Its id is the organisation and the number, so a number exists once per organisation: taking it and
 * writing the entry are one insert, and a number is never skipped nor given twice (ADR 25). The entry
 * keeps what the receipt says as issued (the organisation's identity, the donor, the gifts) and stays
 * for six years, also when the donor's personal data is erased elsewhere; a cancelled receipt stays,
 * marked cancelled.
 */
@Document("receipts")
@CompoundIndex(name = "by_number", def = "{'organisationId': 1, 'year': 1, 'sequence': -1}")
@CompoundIndex(name = "by_gift", def = "{'gifts.donationId': 1}")
public class Receipt implements OutboxAggregate {

    public enum Kind {
        GIFT,
        ANNUAL
    }

    public enum Status {
        ISSUED,
        CANCELLED
    }

    /** The organisation as the receipt names it, when it was issued. */
    public record Beneficiary(
            String legalName,
            PostalAddress address,
            String object,
            LegalStatus legalStatus,
            @Nullable String rna,
            @Nullable String siren,
            List<TaxArticle> articles,
            String signatoryName,
            String signatoryTitle,
            @Nullable String signatureId) {}

    /** Who the receipt is made out to. */
    public record Donor(String firstName, String lastName, String email, String locale, PostalAddress address) {

        DonationConfirmed.Donor toEvent() {
            return new DonationConfirmed.Donor(firstName, lastName, email, locale);
        }
    }

    /** One payment the receipt covers. */
    public record Gift(String donationId, String campaignId, Money amount, Instant paidAt, PaymentMeans means) {}

    @Id
    private final String id;

    private final String organisationId;
    private final int year;
    private final long sequence;
    private final String number;
    /**
     * What the receipt is for, so that it is issued once however often it is asked for: {@code gift:<id>},
     * {@code annual:<year>:<donor>}, and for a correction {@code …:replaces:<number>} (ADR 25).
     */
    @Indexed(unique = true)
    private final String issueKey;

    private final Kind kind;
    private final Beneficiary beneficiary;
    private final Donor donor;
    private final List<Gift> gifts;
    private final Money total;
    private final Instant issuedAt;
    private final @Nullable String replaces;
    private Status status;
    private @Nullable Instant cancelledAt;
    private @Nullable String cancellationReason;
    private final List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Receipt(
            String id,
            String organisationId,
            int year,
            long sequence,
            String number,
            String issueKey,
            Kind kind,
            Beneficiary beneficiary,
            Donor donor,
            List<Gift> gifts,
            Money total,
            Instant issuedAt,
            @Nullable String replaces,
            Status status,
            @Nullable Instant cancelledAt,
            @Nullable String cancellationReason,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.id = id;
        this.organisationId = organisationId;
        this.year = year;
        this.sequence = sequence;
        this.number = number;
        this.issueKey = issueKey;
        this.kind = kind;
        this.beneficiary = beneficiary;
        this.donor = donor;
        this.gifts = List.copyOf(gifts);
        this.total = total;
        this.issuedAt = issuedAt;
        this.replaces = replaces;
        this.status = status;
        this.cancelledAt = cancelledAt;
        this.cancellationReason = cancellationReason;
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    /** {@code R-2026-000042}: the year, and the place in the organisation's sequence for that year. */
    static String numberOf(int year, long sequence) {
        return String.format("R-%d-%06d", year, sequence);
    }

    /** The entry that takes number {@code sequence} of {@code year}; it is announced once stored. */
    static Receipt issued(
            String organisationId,
            int year,
            long sequence,
            String issueKey,
            Kind kind,
            Beneficiary beneficiary,
            Donor donor,
            List<Gift> gifts,
            Instant issuedAt,
            @Nullable String replaces) {
        String number = numberOf(year, sequence);
        Money total = gifts.stream().map(Gift::amount).reduce(Money::plus).orElseThrow();
        return new Receipt(
                organisationId + "/" + number,
                organisationId,
                year,
                sequence,
                number,
                issueKey,
                kind,
                beneficiary,
                donor,
                gifts,
                total,
                issuedAt,
                replaces,
                Status.ISSUED,
                null,
                null,
                List.of(),
                null);
    }

    /** Announces the receipt, its PDF with it, for the donor to be sent; once, after the entry is drawn. */
    void announce(String pdfBase64) {
        outbox.add(PendingEvent.of(
                new org.tirelire.contracts.events.ReceiptIssued(
                        organisationId,
                        id,
                        number,
                        kind.name(),
                        gifts.stream().map(Gift::donationId).toList(),
                        donor.toEvent(),
                        total,
                        beneficiary.legalName(),
                        replaces,
                        pdfBase64,
                        issuedAt),
                issuedAt));
    }

    /**
     * The receipt no longer stands (its gift was refunded); it stays in the register, and the donor is told.
     * A corrected receipt, if one is due, is a new entry naming this one in {@code replaces}.
     *
     * @return whether this call cancelled it; cancelling twice changes nothing
     */
    boolean cancel(String reason, Instant at) {
        if (status == Status.CANCELLED) {
            return false;
        }
        status = Status.CANCELLED;
        cancelledAt = at;
        cancellationReason = reason;
        outbox.add(PendingEvent.of(
                new ReceiptCancelled(
                        organisationId, id, number, donor.toEvent(), total, beneficiary.legalName(), reason, at),
                at));
        return true;
    }

    public String id() {
        return id;
    }

    public String organisationId() {
        return organisationId;
    }

    public int year() {
        return year;
    }

    public long sequence() {
        return sequence;
    }

    public String number() {
        return number;
    }

    public String issueKey() {
        return issueKey;
    }

    public Kind kind() {
        return kind;
    }

    public Beneficiary beneficiary() {
        return beneficiary;
    }

    public Donor donor() {
        return donor;
    }

    public List<Gift> gifts() {
        return gifts;
    }

    public Money total() {
        return total;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public @Nullable String replaces() {
        return replaces;
    }

    public Status status() {
        return status;
    }

    public @Nullable Instant cancelledAt() {
        return cancelledAt;
    }

    public @Nullable String cancellationReason() {
        return cancellationReason;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
