package org.tirelire.contracts.access;

import static org.tirelire.contracts.access.OrganisationRole.ADMIN;
import static org.tirelire.contracts.access.OrganisationRole.EDITOR;
import static org.tirelire.contracts.access.OrganisationRole.TREASURER;
import static org.tirelire.contracts.access.OrganisationRole.VOLUNTEER;

import java.util.EnumSet;
import java.util.Set;

/** The organisation's actions, each with the roles allowed to take it: the one table of who may do what. */
public enum Capability {
    SEE_CAMPAIGNS("see the organisation's campaigns", ADMIN, TREASURER, EDITOR, VOLUNTEER),
    MANAGE_CAMPAIGNS("create, change, publish or end a campaign, or post its news", ADMIN, EDITOR),
    MODERATE_PAGES("hide a collection page", ADMIN, EDITOR),
    MODERATE_MESSAGES("hide a donor's message from the public", ADMIN, TREASURER, EDITOR),
    SEE_DONATIONS("see and export the donations", ADMIN, TREASURER),
    REFUND_GIFTS("refund a gift", ADMIN, TREASURER),
    RECORD_OFFLINE_GIFTS("record an offline gift", ADMIN, TREASURER, VOLUNTEER),
    ERASE_DONORS("erase a donor's personal data", ADMIN, TREASURER),
    MANAGE_RECEIPTS("change how the organisation issues tax receipts, or issue the annual ones", ADMIN, TREASURER),
    MANAGE_SETTINGS("change the organisation's payment account, webhooks or members", ADMIN);

    private final String description;
    private final Set<OrganisationRole> roles;

    Capability(String description, OrganisationRole first, OrganisationRole... others) {
        this.description = description;
        this.roles = EnumSet.of(first, others);
    }

    public boolean allows(OrganisationRole role) {
        return roles.contains(role);
    }

    public Set<OrganisationRole> roles() {
        return EnumSet.copyOf(roles);
    }

    public String description() {
        return description;
    }
}
