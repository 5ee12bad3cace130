package org.tirelire.notification.fundraiser;

public class GoalCurrencyMismatch extends RuntimeException {

    public GoalCurrencyMismatch(String expected, String actual) {
        super("A page's goal is in its campaign's currency " + expected + ", not " + actual);
    }
}
