package org.switchboard.application.admin;

/** The role of support staff (Keycloak realm role, web.xml security role, {@code @RolesAllowed} of the services). */
public final class Staff {

    public static final String SUPPORT = "support";

    private Staff() {
    }

    /** How an audit entry names an account: by number only, so the entry can outlive the account's data. */
    public static String target(long accountId) {
        return "account #" + accountId;
    }
}
