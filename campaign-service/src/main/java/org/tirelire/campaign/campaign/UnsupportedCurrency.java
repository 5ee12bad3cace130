package org.tirelire.campaign.campaign;

import java.util.Set;
import java.util.TreeSet;

public class UnsupportedCurrency extends RuntimeException {

    public UnsupportedCurrency(String currency, Set<String> supported) {
        super("Currency " + currency + " is not supported; use one of " + new TreeSet<>(supported));
    }
}
