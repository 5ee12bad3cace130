package org.tirelire.notification.email;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.money.Money;

/** The thank-you email with the gift's details, in the donor's language (French unless they chose English). */
public final class ThankYouEmail {

    private ThankYouEmail() {}

    public static RenderedEmail render(DonationConfirmed gift, String campaignTitle, String campaignUrl) {
        boolean english = gift.donor() != null && "en".equals(gift.donor().locale());
        Locale locale = english ? Locale.UK : Locale.FRANCE;
        String firstName = gift.donor() == null ? "" : gift.donor().firstName();
        String amount = format(gift.amount(), locale);
        String date = DateTimeFormatter.ofPattern(english ? "d MMMM yyyy" : "d MMMM yyyy", locale)
                .withZone(ZoneId.of("Europe/Paris"))
                .format(gift.confirmedAt());
        String subject =
                english ? "Thank you for your gift to " + campaignTitle : "Merci pour votre don à " + campaignTitle;
        String text = english
                ? """
                Dear %s,

                Thank you! Your gift of %s to "%s" was received on %s.
                Donation reference: %s

                Follow the campaign: %s

                Tirelire, on behalf of the association
                """.formatted(firstName, amount, campaignTitle, date, gift.donationId(), campaignUrl)
                : """
                Bonjour %s,

                Merci ! Votre don de %s à « %s » a bien été reçu le %s.
                Référence du don : %s

                Suivre la campagne : %s

                Tirelire, pour l'association
                """.formatted(firstName, amount, campaignTitle, date, gift.donationId(), campaignUrl);
        String html = """
                <!doctype html><html lang="%s"><body style="font-family:sans-serif;color:#1d2430">
                <p>%s</p>
                <p>%s</p>
                <p style="color:#555">%s</p>
                <p><a href="%s">%s</a></p>
                </body></html>
                """.formatted(
                english ? "en" : "fr",
                HtmlUtils.htmlEscape((english ? "Dear " : "Bonjour ") + firstName + ","),
                HtmlUtils.htmlEscape(
                        english
                                ? "Thank you! Your gift of " + amount + " to \"" + campaignTitle + "\" was received on "
                                        + date + "."
                                : "Merci ! Votre don de " + amount + " à « " + campaignTitle + " » a bien été reçu le "
                                        + date + "."),
                HtmlUtils.htmlEscape((english ? "Donation reference: " : "Référence du don : ") + gift.donationId()),
                HtmlUtils.htmlEscape(campaignUrl),
                english ? "Follow the campaign" : "Suivre la campagne");
        return new RenderedEmail(subject, text, html);
    }

    static String format(Money money, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        Currency currency = Currency.getInstance(money.currency());
        format.setCurrency(currency);
        int digits = currency.getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(money.amount(), digits));
    }
}
