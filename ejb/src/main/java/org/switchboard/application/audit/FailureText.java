package org.switchboard.application.audit;

/**
 * What went wrong, in one line for the audit log: the innermost cause, since the EJB container
 * wraps a failed step's exception in its own.
 */
public final class FailureText {

    private FailureText() {
    }

    public static String of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
