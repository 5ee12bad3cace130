package org.tirelire.contracts.access;

/**
 * What an organisation's audit log records. Identity records sign-ins and member changes itself; the
 * services report the others with an {@link org.tirelire.contracts.events.OrganisationActionTaken} event.
 */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    MEMBER_INVITED,
    MEMBER_JOINED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED,
    TWO_FACTOR_ENABLED,
    TWO_FACTOR_REQUIREMENT_CHANGED,
    PAYMENT_ACCOUNT_CHANGED,
    GIFT_REFUNDED,
    DONATIONS_EXPORTED,
    DONOR_ERASED,
    RECEIPT_SETTINGS_CHANGED,
    RECEIPTS_EXPORTED,
    ANNUAL_RECEIPTS_ISSUED,
    SUBSCRIPTION_CANCELLED,
    SUBSCRIPTIONS_EXPORTED,
    EMBED_SITES_CHANGED
}
