package org.tirelire.identity.api;

/** The member's role does not allow the action: answered 403 naming the role it takes, as the services do. */
public class RoleNeeded extends RuntimeException {

    private final String role;

    public RoleNeeded(String role, String action) {
        super("Only an organisation's " + role.toLowerCase(java.util.Locale.ROOT) + "s may " + action);
        this.role = role;
    }

    public String role() {
        return role;
    }
}
