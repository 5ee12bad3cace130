package org.tirelire.donation.donation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The accounts export. French Excel opens a file as columns only with a BOM and {@code ;} separators,
 * and amounts with a decimal comma. Cells that a spreadsheet would run as a formula are defused.
 */
final class DonationCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
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
            "Référence de paiement");

    private DonationCsv() {}

    static byte[] write(List<Donation> donations) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        out.writeBytes(line(HEADER));
        donations.forEach(d -> out.writeBytes(line(row(d))));
        return out.toByteArray();
    }

    private static List<String> row(Donation d) {
        Donor donor = d.donor();
        return List.of(
                DATE.format(d.createdAt()),
                d.id(),
                d.status().name(),
                decimal(d.amount().amount()),
                d.amount().currency(),
                donor == null ? "" : donor.firstName(),
                donor == null ? "" : donor.lastName(),
                donor == null ? "" : donor.email(),
                d.anonymous() ? "oui" : "non",
                nullToEmpty(d.message()),
                nullToEmpty(d.rewardId()),
                nullToEmpty(d.fundraiserSlug()),
                d.offlineMethod() == null ? "EN LIGNE" : d.offlineMethod().name(),
                nullToEmpty(d.paymentReference()));
    }

    /** 123456 minor units as "1234,56". */
    static String decimal(long minorUnits) {
        String sign = minorUnits < 0 ? "-" : "";
        long abs = Math.abs(minorUnits);
        return sign + (abs / 100) + "," + String.format("%02d", abs % 100);
    }

    private static byte[] line(List<String> cells) {
        return (cells.stream().map(DonationCsv::cell).collect(Collectors.joining(";")) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String cell(String value) {
        String safe = Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(value::startsWith) ? "'" + value : value;
        boolean needsQuotes = safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
