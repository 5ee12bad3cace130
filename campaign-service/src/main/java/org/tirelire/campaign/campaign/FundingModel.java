package org.tirelire.campaign.campaign;

public enum FundingModel {
    /** The association keeps every gift, whether or not the goal is reached. */
    KEEP_IT_ALL,
    /** Gifts are refunded if the goal is not reached by the deadline. */
    ALL_OR_NOTHING
}
