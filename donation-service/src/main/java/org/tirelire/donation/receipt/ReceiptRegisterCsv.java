package org.tirelire.donation.receipt;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.tirelire.kit.web.FrenchCsv;

/** The register as the accountant opens it in French Excel: one line per receipt, cancelled ones included. */
final class ReceiptRegisterCsv {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(ReceiptRegister.PARIS);
    private static final List<String> HEADER = List.of(
            "Numéro",
            "Statut",
            "Type",
            "Émis le",
            "Nom",
            "Prénom",
            "Adresse",
            "Code postal",
            "Ville",
            "Pays",
            "Email",
            "Montant",
            "Devise",
            "Versements du",
            "Mode de versement",
            "Remplace",
            "Annulé le",
            "Motif d'annulation");

    private ReceiptRegisterCsv() {}

    static byte[] write(List<Receipt> register) {
        return FrenchCsv.write(
                HEADER, register.stream().map(ReceiptRegisterCsv::row).toList());
    }

    private static List<String> row(Receipt receipt) {
        Receipt.Donor donor = receipt.donor();
        return List.of(
                receipt.number(),
                receipt.status() == Receipt.Status.ISSUED ? "émis" : "annulé",
                receipt.kind() == Receipt.Kind.GIFT ? "don" : "annuel",
                DATE.format(receipt.issuedAt()),
                donor.lastName(),
                donor.firstName(),
                donor.address().line1()
                        + (donor.address().line2() == null
                                ? ""
                                : ", " + donor.address().line2()),
                donor.address().postalCode(),
                donor.address().city(),
                donor.address().country(),
                donor.email(),
                FrenchCsv.decimal(receipt.total().amount()),
                receipt.total().currency(),
                receipt.gifts().stream().map(gift -> DATE.format(gift.paidAt())).collect(Collectors.joining(", ")),
                receipt.gifts().stream()
                        .map(gift -> gift.means().printed())
                        .distinct()
                        .collect(Collectors.joining(", ")),
                receipt.replaces() == null ? "" : receipt.replaces(),
                receipt.cancelledAt() == null ? "" : DATE.format(receipt.cancelledAt()),
                receipt.cancellationReason() == null ? "" : receipt.cancellationReason());
    }
}
