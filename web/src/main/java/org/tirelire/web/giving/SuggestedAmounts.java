package org.tirelire.web.giving;

import java.util.List;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.PlatformViews.Campaign;

/** The amounts offered as buttons on the giving form and on the give widget; the donor may type any other. */
public final class SuggestedAmounts {

    /** In whole currency units. */
    private static final List<Long> UNITS = List.of(10L, 25L, 50L, 100L);

    private SuggestedAmounts() {}

    /** In minor units of the campaign's currency. */
    public static List<Long> of(Campaign campaign) {
        long unit = TypedAmount.minorUnitsPerUnit(campaign.goal().currency());
        return UNITS.stream().map(units -> units * unit).toList();
    }
}
