package org.tirelire.donation.receipt;

import com.ibm.icu.text.RuleBasedNumberFormat;
import java.util.Locale;

/**
 * An amount in euros written out in French, as a receipt gives it beside the figures: {@code 7100} is
 * "soixante-et-onze euros", {@code 1} "un centime", {@code 100000000} "un million d'euros". The numbers
 * themselves come from CLDR's French spell-out rules (ICU4J), which know "quatre-vingts" from
 * "quatre-vingt-un"; the words for the currency follow the grammar of "euro".
 */
public final class AmountInWords {

    private AmountInWords() {}

    /** @param cents a positive amount of euro cents */
    public static String french(long cents) {
        if (cents <= 0) {
            throw new IllegalArgumentException("a receipt is for a positive amount, not " + cents);
        }
        long euros = cents / 100;
        long centimes = cents % 100;
        StringBuilder words = new StringBuilder();
        if (euros > 0) {
            String number = spellOut(euros);
            words.append(number);
            // "un million d'euros", as with every noun after million and milliard
            words.append(
                    number.endsWith("million")
                                    || number.endsWith("millions")
                                    || number.endsWith("milliard")
                                    || number.endsWith("milliards")
                            ? " d'euros"
                            : euros == 1 ? " euro" : " euros");
        }
        if (centimes > 0) {
            words.append(euros > 0 ? " et " : "")
                    .append(spellOut(centimes))
                    .append(centimes == 1 ? " centime" : " centimes");
        }
        return words.toString();
    }

    private static String spellOut(long number) {
        // A new format each time: ICU's formats are not safe to share between threads.
        return new RuleBasedNumberFormat(Locale.FRANCE, RuleBasedNumberFormat.SPELLOUT).format(number);
    }
}
