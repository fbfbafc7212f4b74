package org.switchboard.application.account;

/** Where subscribers' web logins live (Keycloak); account deletion removes the login there too. */
public interface LoginDirectory {

    /**
     * Deletes the login. A login that does not exist (any more) counts as deleted, so that a
     * deletion interrupted after this step can be run again.
     *
     * @throws LoginDirectoryException if the directory could not be reached or refused
     */
    void deleteLogin(String login);

    /**
     * Enables or disables the login (a blocked account's web login is disabled); disabling also ends
     * its single sign-on sessions. A login that does not exist is left alone.
     *
     * @throws LoginDirectoryException if the directory could not be reached or refused
     */
    void setEnabled(String login, boolean enabled);
}
