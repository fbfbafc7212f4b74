package org.switchboard.application.retention;

import jakarta.ejb.ApplicationException;

/** Retention settings that would break the data policy; the message says which value and why. */
@ApplicationException(rollback = true)
public class InvalidRetentionSettingsException extends RuntimeException {

    public InvalidRetentionSettingsException(String message) {
        super(message);
    }
}
