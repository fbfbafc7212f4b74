package org.switchboard.sip.mwi;

import java.util.concurrent.ScheduledFuture;
import org.switchboard.sip.servlet.OwnDialog;

/**
 * One phone's message-summary subscription (RFC 6665 section 4.2): the account whose voicemail it
 * watches, its dialog (for our NOTIFYs), when it ends, and the timer that ends it. Only in memory.
 */
final class MwiSubscription {

    final long accountId;
    final String accountUri;
    final OwnDialog dialog;
    private long expiresAtMillis;
    private ScheduledFuture<?> expiry;

    MwiSubscription(long accountId, String accountUri, OwnDialog dialog) {
        this.accountId = accountId;
        this.accountUri = accountUri;
        this.dialog = dialog;
    }

    synchronized void expiresAt(long millis, ScheduledFuture<?> timer) {
        if (expiry != null) {
            expiry.cancel(false);
        }
        expiresAtMillis = millis;
        expiry = timer;
    }

    /** Seconds left, for Subscription-State's expires (at least 0). */
    synchronized long secondsLeft(long nowMillis) {
        return Math.max(0, (expiresAtMillis - nowMillis + 999) / 1000);
    }

    synchronized void cancelExpiry() {
        if (expiry != null) {
            expiry.cancel(false);
        }
    }
}
