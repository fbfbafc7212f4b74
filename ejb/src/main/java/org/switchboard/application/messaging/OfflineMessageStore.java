package org.switchboard.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.messaging.OfflineMessage;
import org.switchboard.persistence.messaging.OfflineMessageRepository;
import org.switchboard.persistence.retention.RetentionSettingsRepository;

/**
 * Offline messages and their delivery queue. Each method is one container transaction, committed
 * when it returns: {@link #store} returning {@link StoreResult#STORED} means the row is on disk,
 * which is what allows the SIP side to answer 202 (a commit that fails throws instead).
 * A message expires after the retention window for offline messages ({@code retention_settings}),
 * when the retention run purges it.
 */
@Stateless
public class OfflineMessageStore {

    @Inject
    OfflineMessageRepository messages;

    @Inject
    AccountRepository accounts;

    @Inject
    RetentionSettingsRepository retention;

    @Inject
    SwitchboardSettings settings;

    @Inject
    MessagingSettings messaging;

    @Inject
    Clock clock;

    /**
     * Keeps the message for its recipient, unless refused (unknown, blocked, or holding the
     * maximum). {@code afterFailedAttempt}: the recipient's phones were tried and did not take it,
     * so that counts as the first attempt and the next waits for the back-off.
     */
    public StoreResult store(IncomingMessage message, boolean afterFailedAttempt) {
        Optional<Account> found = accounts.findBySipUser(message.recipientUser(), settings.sipDomain());
        if (found.isEmpty() || found.get().getStatus() == AccountStatus.CLOSED) {
            return StoreResult.UNKNOWN_RECIPIENT;
        }
        Account recipient = found.get();
        if (recipient.getStatus() != AccountStatus.ACTIVE) {
            return StoreResult.RECIPIENT_BLOCKED;
        }
        Instant now = clock.instant();
        if (messages.countPendingFor(recipient.getId(), now) >= messaging.maxStoredPerRecipient()) {
            return StoreResult.RECIPIENT_FULL;
        }
        Instant expires = message.receivedAt().plus(Duration.ofDays(retention.get().getOfflineMessageDays()));
        OfflineMessage stored = new OfflineMessage(message.senderUri(), recipient, message.recipientUri(),
                message.contentType(), message.body(), message.receivedAt(), expires);
        if (afterFailedAttempt) {
            stored.recordAttempt(messaging.backoff().nextAttempt(now, 1));
        }
        messages.save(stored);
        return StoreResult.STORED;
    }

    /** SIP users with messages that may be due now (a hint for the periodic delivery). */
    public List<String> recipientsDue(int limit) {
        return messages.recipientsDue(clock.instant(), limit);
    }

    /**
     * The next message of this user's queue, claimed for this node for {@link
     * MessagingSettings#claimLease()}; empty when none is due or another node is delivering.
     */
    public Optional<QueuedMessage> claimNext(String sipUser) {
        Optional<Account> recipient = accounts.findBySipUser(sipUser, settings.sipDomain());
        if (recipient.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return messages.claimHead(recipient.get().getId(), now, now.plus(messaging.claimLease()))
                .map(m -> new QueuedMessage(m.getId(), m.getSenderUri(), m.getRecipientUri(), m.getContentType(),
                        m.getBody(), m.getReceivedAt(), m.getAttempts()));
    }

    /** A 2xx came back (or the message was refused for good): the stored copy goes. */
    public void remove(long id) {
        messages.delete(id);
    }

    /** No answer: counted, and the message (with the recipient's queue behind it) waits for the back-off. */
    public void retryLater(long id) {
        messages.find(id).ifPresent(m -> m.recordAttempt(messaging.backoff().nextAttempt(clock.instant(), m.getAttempts() + 1)));
    }

    /** Puts a claimed message back untouched (the recipient had no contact left): no attempt was made. */
    public void release(long id) {
        messages.find(id).ifPresent(m -> m.claimUntil(null));
    }
}
