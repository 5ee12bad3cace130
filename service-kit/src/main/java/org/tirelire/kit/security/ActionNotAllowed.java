package org.tirelire.kit.security;

import org.tirelire.contracts.access.OrganisationRole;

/** The signed-in member's role does not allow this action: 403, naming the roles that would. */
public class ActionNotAllowed extends RuntimeException {

    private final Capability capability;

    public ActionNotAllowed(Capability capability, OrganisationRole role) {
        super("To " + capability.description() + " takes the role " + String.join(" or ", names(capability))
                + "; yours is " + role);
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }

    private static java.util.List<String> names(Capability capability) {
        return capability.roles().stream().map(Enum::name).toList();
    }
}
