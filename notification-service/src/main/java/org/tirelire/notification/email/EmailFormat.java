package org.tirelire.notification.email;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.tirelire.contracts.money.Money;

/** Amounts and dates as the email's reader writes them: {@code 1 234,50 €} or {@code €1,234.50}. */
public final class EmailFormat {

    private final Locale locale;
    private final ZoneId zone;

    EmailFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String money(Money money) {
        Currency currency = Currency.getInstance(money.currency());
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        // Minor units to the currency's unit by moving the decimal point: no floating point.
        return format.format(BigDecimal.valueOf(money.amount(), digits));
    }

    public String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .format(instant.atZone(zone));
    }
}
