package org.switchboard.application.account;

/** The login directory failed; the message never contains the login (it ends up in the audit log). */
public class LoginDirectoryException extends RuntimeException {

    public LoginDirectoryException(String message) {
        super(message);
    }

    public LoginDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
