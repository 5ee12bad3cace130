package org.tirelire.campaign.campaign;

/** An amount in another currency than the campaign's goal. */
public class CurrencyMismatch extends RuntimeException {

    private final String field;

    public CurrencyMismatch(String field, String expected, String actual) {
        super("Amounts in " + field + " must be in the goal's currency " + expected + ", not " + actual);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
