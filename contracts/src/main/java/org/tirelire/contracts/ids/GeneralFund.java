package org.tirelire.contracts.ids;

/**
 * An organisation's general fund: what a recurring gift supports once its campaign has ended. Its gifts'
 * events carry the fund's id where a campaign's id would be, and are keyed by it like a campaign's; no
 * campaign ever has such an id (campaign ids are UUIDs). See ADR 28.
 */
public final class GeneralFund {

    private static final String PREFIX = "fund-";

    private GeneralFund() {}

    public static String of(String organisationId) {
        return PREFIX + organisationId;
    }

    /** Whether this id, found where a campaign's id goes, names an organisation's general fund. */
    public static boolean is(String campaignId) {
        return campaignId.startsWith(PREFIX);
    }

    /** The organisation whose general fund this is. */
    public static String organisationOf(String fundId) {
        if (!is(fundId)) {
            throw new IllegalArgumentException(fundId + " is not a general fund");
        }
        return fundId.substring(PREFIX.length());
    }
}
