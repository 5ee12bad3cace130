package org.tirelire.identity.audit;

/** What the audit log records, as its entries name it. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    MEMBER_INVITED,
    MEMBER_JOINED,
    MEMBER_ROLE_CHANGED,
    MEMBER_REMOVED,
    TWO_FACTOR_ENABLED
}
