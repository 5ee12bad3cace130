package org.tirelire.contracts.access;

/**
 * What a member may do for their organisation, carried by the access token (claim {@value #CLAIM}) and
 * enforced by each service for what it owns.
 */
public enum OrganisationRole {
    /** Everything, including members and the payment and receipt settings. */
    ADMIN,
    /** Donations: lists, exports, refunds, offline gifts, receipts, erasures. */
    TREASURER,
    /** Campaigns, their news and the moderation of collection pages. */
    EDITOR,
    /** Offline gifts recorded at a stall; sees the campaigns. */
    VOLUNTEER;

    public static final String CLAIM = "role";
}
