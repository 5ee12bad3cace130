package org.tirelire.donation.receipt;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.donation.PostalAddress;

/**
 * {@code GET /api/organisations/me/receipts?year=}: an organisation's register for a year, in number order,
 * and the total of the receipts that stand: what the association declares to the tax administration.
 */
public record ReceiptRegisterView(int year, int count, Money totalReceipted, List<Entry> receipts) {

    public record Entry(
            String number,
            Receipt.Status status,
            Receipt.Kind kind,
            Instant issuedAt,
            EntryDonor donor,
            Money amount,
            List<Receipt.Gift> gifts,
            @Nullable String replaces,
            @Nullable Instant cancelledAt,
            @Nullable String cancellationReason) {

        static Entry of(Receipt receipt) {
            Receipt.Donor donor = receipt.donor();
            return new Entry(
                    receipt.number(),
                    receipt.status(),
                    receipt.kind(),
                    receipt.issuedAt(),
                    new EntryDonor(donor.firstName(), donor.lastName(), donor.email(), donor.address()),
                    receipt.total(),
                    receipt.gifts(),
                    receipt.replaces(),
                    receipt.cancelledAt(),
                    receipt.cancellationReason());
        }
    }

    public record EntryDonor(String firstName, String lastName, String email, PostalAddress address) {}

    static ReceiptRegisterView of(int year, List<Receipt> register) {
        Money total = register.stream()
                .filter(receipt -> receipt.status() == Receipt.Status.ISSUED)
                .map(Receipt::total)
                .reduce(Money::plus)
                .orElse(Money.of(0, "EUR"));
        return new ReceiptRegisterView(
                year, register.size(), total, register.stream().map(Entry::of).toList());
    }
}
