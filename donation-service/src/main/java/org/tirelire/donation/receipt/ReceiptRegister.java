package org.tirelire.donation.receipt;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.tirelire.donation.donation.Donation;
import org.tirelire.donation.donation.DonationRepository;
import org.tirelire.donation.donation.DonationStatus;
import org.tirelire.donation.donation.Donor;
import org.tirelire.kit.messaging.AggregateUpdates;

/**
 * Enters receipts in an organisation's register and cancels them. Each receipt is for something (a gift,
 * a donor's year) named by its issue key, so asking twice, from two instances or after a crash, issues
 * it once. Its number is the next of the organisation's year, taken by the same insert that writes the
 * entry: of two instances taking the same number, one insert fails and tries the next (ADR 25).
 */
@Component
public class ReceiptRegister {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Logger log = LoggerFactory.getLogger(ReceiptRegister.class);
    private static final int ATTEMPTS = 1000;

    private final ReceiptRepository receipts;
    private final ReceiptSettingsChanges settings;
    private final DonationRepository donations;
    private final ReceiptPdf pdf;
    private final AggregateUpdates updates;
    private final Clock clock;

    ReceiptRegister(
            ReceiptRepository receipts,
            ReceiptSettingsChanges settings,
            DonationRepository donations,
            ReceiptPdf pdf,
            AggregateUpdates updates,
            Clock clock) {
        this.receipts = receipts;
        this.settings = settings;
        this.donations = donations;
        this.pdf = pdf;
        this.updates = updates;
        this.clock = clock;
    }

    /**
     * The receipt of a confirmed gift whose donor asked for one, issued now if it was not yet, when its
     * organisation issues a receipt per gift.
     */
    public Optional<Receipt> issueForGift(String donationId) {
        return donations.findById(donationId).flatMap(this::issueForGift);
    }

    /** The same, for a gift already read: most gifts ask for no receipt, and cost no further read. */
    public Optional<Receipt> issueForGift(Donation gift) {
        if (!gift.receiptWanted() || gift.status() != DonationStatus.CONFIRMED) {
            return Optional.empty();
        }
        String donationId = gift.id();
        String issueKey = "gift:" + donationId;
        Optional<Receipt> issued = receipts.findByIssueKey(issueKey);
        if (issued.isPresent()) {
            return issued;
        }
        Optional<ReceiptSettings> issuing = settings.issuing(gift.organisationId());
        if (issuing.isEmpty()) {
            log.warn(
                    "Gift {} asked for a tax receipt, but organisation {} no longer issues them",
                    donationId,
                    gift.organisationId());
            return Optional.empty();
        }
        if (issuing.get().mode() != ReceiptMode.PER_GIFT) {
            return Optional.empty(); // its receipt is the donor's annual one
        }
        return Optional.of(issue(
                gift.organisationId(),
                yearOf(gift.confirmedAt()),
                issueKey,
                Receipt.Kind.GIFT,
                beneficiaryOf(issuing.get()),
                donorOf(gift),
                List.of(giftOf(gift)),
                null));
    }

    /**
     * One receipt per donor gathering their confirmed gifts of a finished year, for each donor who asked for
     * one and has none yet. Donors are told apart by email, or by name and address for gifts recorded offline
     * without one.
     *
     * @return how many receipts this call issued
     */
    public int issueAnnual(String organisationId, int year) {
        ReceiptSettings issuing = settings.issuing(organisationId)
                .orElseThrow(() -> new ReceiptsUnavailable("This organisation does not issue tax receipts"));
        Instant from = java.time.LocalDate.of(year, 1, 1).atStartOfDay(PARIS).toInstant();
        Instant to = java.time.LocalDate.of(year + 1, 1, 1).atStartOfDay(PARIS).toInstant();
        Map<String, List<Donation>> byDonor = new LinkedHashMap<>();
        donations
                .findByOrganisationIdAndStatusAndReceiptWantedTrueAndConfirmedAtBetween(
                        organisationId, DonationStatus.CONFIRMED, from, to)
                .stream()
                .filter(Donation::receiptWanted)
                .sorted(Comparator.comparing(Donation::confirmedAt))
                .forEach(gift -> byDonor.computeIfAbsent(donorKey(gift.donor()), key -> new ArrayList<>())
                        .add(gift));
        int issued = 0;
        for (Map.Entry<String, List<Donation>> donor : byDonor.entrySet()) {
            String issueKey = "annual:" + year + ":" + donor.getKey();
            if (receipts.findByIssueKey(issueKey).isPresent()) {
                continue;
            }
            List<Donation> gifts = donor.getValue();
            issue(
                    organisationId,
                    year,
                    issueKey,
                    Receipt.Kind.ANNUAL,
                    beneficiaryOf(issuing),
                    donorOf(gifts.get(gifts.size() - 1)),
                    gifts.stream().map(ReceiptRegister::giftOf).toList(),
                    null);
            issued++;
        }
        log.info("Issued {} annual receipts of {} for organisation {}", issued, year, organisationId);
        return issued;
    }

    /**
     * A refunded gift's receipts no longer stand: each is cancelled, kept in the register, and its donor
     * told. An annual receipt that covered other gifts too is replaced by a corrected one, with a new
     * number, for the gifts that stand.
     */
    public void cancelForRefund(String donationId) {
        for (Receipt receipt : receipts.findByGiftsDonationId(donationId)) {
            if (receipt.status() != Receipt.Status.ISSUED) {
                continue;
            }
            Receipt cancelled = updates.update(receipts, receipt.id(), IllegalStateException::new, entry -> {
                entry.cancel("le don a été remboursé", clock.instant());
                return entry;
            });
            List<Receipt.Gift> standing = cancelled.gifts().stream()
                    .filter(gift -> !gift.donationId().equals(donationId))
                    .filter(gift -> donations
                            .findById(gift.donationId())
                            .filter(d -> d.status() == DonationStatus.CONFIRMED)
                            .isPresent())
                    .toList();
            if (!standing.isEmpty()) {
                issue(
                        cancelled.organisationId(),
                        cancelled.year(),
                        cancelled.issueKey() + ":replaces:" + cancelled.number(),
                        cancelled.kind(),
                        cancelled.beneficiary(),
                        cancelled.donor(),
                        standing,
                        cancelled.number());
            }
        }
    }

    /** Takes the next number of the year and writes the entry, in one insert; see the class comment. */
    private Receipt issue(
            String organisationId,
            int year,
            String issueKey,
            Receipt.Kind kind,
            Receipt.Beneficiary beneficiary,
            Receipt.Donor donor,
            List<Receipt.Gift> gifts,
            @Nullable String replaces) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long next = receipts.findFirstByOrganisationIdAndYearOrderBySequenceDesc(organisationId, year)
                    .map(last -> last.sequence() + 1)
                    .orElse(1L);
            Receipt entry = Receipt.issued(
                    organisationId, year, next, issueKey, kind, beneficiary, donor, gifts, clock.instant(), replaces);
            entry.announce(Base64.getEncoder().encodeToString(pdf.draw(entry)));
            try {
                Receipt stored = updates.insert(receipts, entry);
                log.info("Receipt {} issued for organisation {} ({})", stored.number(), organisationId, issueKey);
                return stored;
            } catch (DuplicateKeyException taken) {
                Optional<Receipt> sameReceipt = receipts.findByIssueKey(issueKey);
                if (sameReceipt.isPresent()) {
                    return sameReceipt.get(); // another instance issued it meanwhile
                }
                // another receipt took this number meanwhile: take the next one
            }
        }
        throw new IllegalStateException("no receipt number free after " + ATTEMPTS + " attempts");
    }

    static int yearOf(Instant instant) {
        return instant.atZone(PARIS).getYear();
    }

    private static String donorKey(Donor donor) {
        if (!donor.email().isBlank()) {
            return donor.email().strip().toLowerCase(Locale.ROOT);
        }
        return (donor.firstName() + "|" + donor.lastName() + "|"
                        + donor.address().postalCode())
                .toLowerCase(Locale.ROOT);
    }

    private static Receipt.Beneficiary beneficiaryOf(ReceiptSettings settings) {
        return new Receipt.Beneficiary(
                settings.legalName(),
                settings.address(),
                settings.object(),
                settings.legalStatus(),
                settings.rna(),
                settings.siren(),
                List.copyOf(settings.articles()),
                settings.signatory().name(),
                settings.signatory().title(),
                settings.signatureId());
    }

    private static Receipt.Donor donorOf(Donation gift) {
        Donor donor = gift.donor();
        return new Receipt.Donor(donor.firstName(), donor.lastName(), donor.email(), donor.locale(), donor.address());
    }

    private static Receipt.Gift giftOf(Donation gift) {
        return new Receipt.Gift(gift.id(), gift.campaignId(), gift.amount(), gift.confirmedAt(), PaymentMeans.of(gift));
    }
}
