package org.tirelire.kit.security;

import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.access.OrganisationRole;

/** The signed-in member's role does not allow this action: 403, naming the roles that would. */
public class ActionNotAllowed extends RuntimeException {

    private final Capability capability;

    public ActionNotAllowed(Capability capability, OrganisationRole role) {
        super("To " + capability.description() + " takes the role " + String.join(" or ", names(capability))
                + "; yours is " + role);
        this.capability = capability;
    }

    /** A role this service does not know (from a newer identity): it allows nothing here. */
    ActionNotAllowed(String unknownRole) {
        super("The role " + unknownRole + " is not one this service knows: it allows nothing here");
        this.capability = Capability.SEE_CAMPAIGNS;
    }

    public Capability capability() {
        return capability;
    }

    private static java.util.List<String> names(Capability capability) {
        return capability.roles().stream().map(Enum::name).toList();
    }
}
