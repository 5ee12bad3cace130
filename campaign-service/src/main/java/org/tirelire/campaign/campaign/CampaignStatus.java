package org.tirelire.campaign.campaign;

public enum CampaignStatus {
    /** Being prepared by its organiser; not visible to donors. */
    DRAFT,
    /** Published and accepting gifts. */
    LIVE,
    /** Closed by its organiser or at its deadline; read-only. */
    ENDED,
    CANCELLED
}
