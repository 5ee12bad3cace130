package org.tirelire.web.page;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An amount as people type it in a form, {@code 25}, {@code 25,50}, {@code 25.5} or {@code 1 000 €},
 * read into integer minor units exactly. More decimals than the currency has, letters, or a sign are
 * refused rather than rounded: the donor must see the amount they will give.
 */
public final class TypedAmount {

    /** Digits with an optional decimal part; thousands separators and the currency sign are removed first. */
    private static final Pattern PLAIN = Pattern.compile("\\d{1,12}([.,]\\d+)?");

    private TypedAmount() {}

    /** Empty when nothing was typed; {@link IllegalArgumentException} when what was typed is not an amount. */
    public static OptionalLong minorUnits(@Nullable String typed, String currency) {
        if (typed == null || typed.isBlank()) {
            return OptionalLong.empty();
        }
        String plain = typed.strip()
                .replaceAll("[\\s\\u00a0\\u202f']", "")
                .replace("€", "")
                .replace("£", "")
                .replace("$", "")
                .replace(currency, "");
        if (!PLAIN.matcher(plain).matches()) {
            throw new IllegalArgumentException("not an amount: " + typed);
        }
        BigDecimal value = new BigDecimal(plain.replace(',', '.'));
        try {
            return OptionalLong.of(
                    value.movePointRight(fractionDigits(currency)).longValueExact());
        } catch (ArithmeticException tooManyDecimals) {
            throw new IllegalArgumentException("more decimals than " + currency + " has: " + typed);
        }
    }

    /**
     * A positive amount in minor units, or empty when what was typed is none: blank, not an amount, zero or
     * less. For forms whose one error for the field says "write the amount in figures".
     */
    public static OptionalLong positive(@Nullable String typed, String currency) {
        try {
            OptionalLong minorUnits = minorUnits(typed, currency);
            return minorUnits.isPresent() && minorUnits.getAsLong() > 0 ? minorUnits : OptionalLong.empty();
        } catch (IllegalArgumentException notAnAmount) {
            return OptionalLong.empty();
        }
    }

    /** How many minor units make one unit of the currency: 100 for EUR, 1 for JPY. */
    public static long minorUnitsPerUnit(String currency) {
        return BigDecimal.ONE.movePointRight(fractionDigits(currency)).longValueExact();
    }

    /** The amount as it would be typed, {@code 25} or {@code 25.5}, without symbol. */
    public static String typed(long minorUnits, String currency) {
        BigDecimal value =
                BigDecimal.valueOf(minorUnits, fractionDigits(currency)).stripTrailingZeros();
        return value.scale() <= 0 ? value.toBigInteger().toString() : value.toPlainString();
    }

    private static int fractionDigits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }
}
