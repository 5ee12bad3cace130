package org.tirelire.web.page;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * How the pages write amounts and dates for the reader's language: {@code 1 234,50 €} in French,
 * {@code €1,234.50} in English; whole amounts without cents. Amounts stay integers of minor units up
 * to here: BigDecimal only moves the decimal point for display.
 */
public final class PageFormat {

    private final Locale locale;
    private final ZoneId zone;

    public PageFormat(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String money(@Nullable Money money) {
        if (money == null) {
            return "";
        }
        Currency currency = Currency.getInstance(money.currency());
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        boolean whole = money.amount() % TypedAmount.minorUnitsPerUnit(money.currency()) == 0;
        format.setMinimumFractionDigits(whole ? 0 : digits);
        format.setMaximumFractionDigits(whole ? 0 : digits);
        return format.format(BigDecimal.valueOf(money.amount(), digits));
    }

    public String money(long minorUnits, String currency) {
        return money(new Money(minorUnits, currency));
    }

    /** An amount as a donor would type it back in a form: {@code 25} or {@code 25,50} (no symbol). */
    public String amountInput(@Nullable Money money) {
        if (money == null) {
            return "";
        }
        String plain = TypedAmount.typed(money.amount(), money.currency());
        return locale.getLanguage().equals("fr") ? plain.replace('.', ',') : plain;
    }

    public String date(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }

    /** The time of day in the association's time zone: {@code 22:00}, or {@code 10:00 PM} in English. */
    public String time(@Nullable Instant instant) {
        return instant == null
                ? ""
                : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(locale)
                        .format(instant.atZone(zone));
    }

    /** Time left until {@code until}, read at a glance: {@code 1 h 23 min}, {@code 12 min}, {@code 3 j}. */
    public String timeLeft(@Nullable Instant until) {
        if (until == null) {
            return "";
        }
        long minutes = Math.max(0, Duration.between(Instant.now(), until).toMinutes());
        if (minutes >= 48 * 60) {
            return (minutes / (24 * 60)) + (locale.getLanguage().equals("fr") ? " j" : " d");
        }
        if (minutes >= 60) {
            return (minutes / 60) + " h " + (minutes % 60) + " min";
        }
        return Math.max(1, minutes) + " min";
    }

    /** A day already in the association's time zone: {@code 1 déc. 2026}. */
    public String day(@Nullable LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale)
                        .format(day);
    }

    /** {@code yyyy-MM-dd} in the association's time zone, for a date field. */
    public String dateInput(@Nullable Instant instant) {
        return instant == null ? "" : instant.atZone(zone).toLocalDate().toString();
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }
}
