package org.switchboard.application.retention;

import jakarta.ejb.ApplicationException;

/** A run was asked for while another one is still going on this server. */
@ApplicationException
public class RetentionAlreadyRunningException extends RuntimeException {

    public RetentionAlreadyRunningException() {
        super("A retention run is already in progress; try again when it has finished.");
    }
}
