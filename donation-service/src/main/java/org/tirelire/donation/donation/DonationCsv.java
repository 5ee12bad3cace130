package org.tirelire.donation.donation;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tirelire.kit.web.FrenchCsv;

/** The accounts export, as French Excel opens it ({@link FrenchCsv}). */
final class DonationCsv {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Europe/Paris"));
    private static final List<String> HEADER = List.of(
            "Date",
            "Don",
            "Statut",
            "Montant",
            "Devise",
            "Prénom",
            "Nom",
            "Email",
            "Anonyme",
            "Message",
            "Contrepartie",
            "Page de collecte",
            "Moyen",
            "Référence de paiement",
            "utm_source",
            "utm_medium",
            "utm_campaign");

    private DonationCsv() {}

    static byte[] write(List<Donation> donations) {
        return FrenchCsv.write(HEADER, donations.stream().map(DonationCsv::row).toList());
    }

    private static List<String> row(Donation d) {
        Donor donor = d.donor();
        return List.of(
                DATE.format(d.createdAt()),
                d.id(),
                d.status().name(),
                FrenchCsv.decimal(d.amount().amount()),
                d.amount().currency(),
                donor == null ? "" : donor.firstName(),
                donor == null ? "" : donor.lastName(),
                donor == null ? "" : donor.email(),
                d.anonymous() ? "oui" : "non",
                nullToEmpty(d.message()),
                nullToEmpty(d.rewardId()),
                nullToEmpty(d.fundraiserSlug()),
                d.offlineMethod() == null ? "EN LIGNE" : d.offlineMethod().name(),
                nullToEmpty(d.paymentReference()),
                d.utm() == null ? "" : nullToEmpty(d.utm().source()),
                d.utm() == null ? "" : nullToEmpty(d.utm().medium()),
                d.utm() == null ? "" : nullToEmpty(d.utm().campaign()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
