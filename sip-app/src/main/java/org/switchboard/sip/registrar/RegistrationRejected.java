package org.switchboard.sip.registrar;

/** A REGISTER that must fail as a whole; nothing of it is applied. */
final class RegistrationRejected extends RuntimeException {

    final int status;
    final String reason;
    final Integer minExpires;

    RegistrationRejected(int status, String reason) {
        this(status, reason, null);
    }

    RegistrationRejected(int status, String reason, Integer minExpires) {
        super(status + " " + reason, null, false, false);
        this.status = status;
        this.reason = reason;
        this.minExpires = minExpires;
    }
}
