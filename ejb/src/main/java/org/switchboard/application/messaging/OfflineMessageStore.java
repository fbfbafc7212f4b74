package org.switchboard.application.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.AccountRepository;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.messaging.OfflineMessageBatch;
import org.switchboard.persistence.messaging.OfflineMessageRepository;
import org.switchboard.persistence.messaging.OfflineMessageRow;

/**
 * Offline messages and their delivery queue. Each method is one container transaction, committed
 * when it returns: {@link #storeAll} returning {@link StoreResult#STORED} for a message means its
 * row is on disk, which is what allows the SIP side to answer 202 (a commit that fails throws
 * instead). The SIP side stores through {@link MessageStoreQueue}, which groups the messages that
 * arrive together into one call (group commit). A message expires after the retention window for
 * offline messages ({@code retention_settings}), when the retention run purges it.
 */
@Stateless
public class OfflineMessageStore {

    @Inject
    OfflineMessageRepository messages;

    @Inject
    AccountRepository accounts;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    SwitchboardSettings settings;

    @Inject
    MessagingSettings messaging;

    @Inject
    Clock clock;

    /**
     * Keeps each message for its recipient, unless refused (unknown, blocked, or holding the
     * maximum, counting the ones before it in this batch), all in this one transaction: the
     * recipients and their counts, the rows with one JDBC batch ({@link
     * OfflineMessageBatch}, where the SQL lives), one commit. One result per message, in order;
     * the {@link StoreResult#STORED} ones are committed when this returns, and a failure throws.
     */
    public List<StoreResult> storeAll(List<MessageToStore> batch) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, OfflineMessageBatch.Recipient> recipients = OfflineMessageBatch.recipients(connection,
                    settings.sipDomain(), batch.stream().map(m -> m.message().recipientUser()).distinct().toList(), now,
                    messaging.maxStoredPerRecipient());
            Duration kept = Duration.ofDays(OfflineMessageBatch.retentionDays(connection));
            Map<Long, Long> heldBefore = new HashMap<>();
            List<OfflineMessageRow> rows = new ArrayList<>(batch.size());
            List<StoreResult> results = new ArrayList<>(batch.size());
            for (MessageToStore toStore : batch) {
                IncomingMessage message = toStore.message();
                OfflineMessageBatch.Recipient recipient = recipients.get(message.recipientUser());
                StoreResult result = refusal(recipient, heldBefore);
                if (result == StoreResult.STORED) {
                    heldBefore.merge(recipient.accountId(), 1L, Long::sum);
                    boolean tried = toStore.afterFailedAttempt();
                    rows.add(new OfflineMessageRow(message.senderUri(), recipient.accountId(), message.recipientUri(),
                            message.contentType(), message.body(), message.receivedAt(), tried ? 1 : 0,
                            tried ? messaging.backoff().nextAttempt(now, 1) : message.receivedAt(),
                            message.receivedAt().plus(kept)));
                }
                results.add(result);
            }
            OfflineMessageBatch.insert(connection, rows);
            return results;
        } catch (SQLException e) {
            throw new IllegalStateException("storing " + batch.size() + " offline message(s) failed", e);
        }
    }

    /** Why a message for this recipient is not kept, or STORED when it may be. */
    private StoreResult refusal(OfflineMessageBatch.Recipient recipient, Map<Long, Long> heldBefore) {
        if (recipient == null || recipient.status() == AccountStatus.CLOSED) {
            return StoreResult.UNKNOWN_RECIPIENT;
        }
        if (recipient.status() != AccountStatus.ACTIVE) {
            return StoreResult.RECIPIENT_BLOCKED;
        }
        long held = recipient.pending() + heldBefore.getOrDefault(recipient.accountId(), 0L);
        return held >= messaging.maxStoredPerRecipient() ? StoreResult.RECIPIENT_FULL : StoreResult.STORED;
    }

    /** SIP users with messages that may be due now (a hint for the periodic delivery). */
    public List<String> recipientsDue(int limit) {
        return messages.recipientsDue(clock.instant(), limit);
    }

    /**
     * Up to {@code limit} messages from the head of this user's queue, in order, claimed for this
     * node for {@link MessagingSettings#claimLease()} ({@link OfflineMessageRepository#claimHeads});
     * empty when none is due or another node is delivering.
     */
    public List<QueuedMessage> claimNext(String sipUser, int limit) {
        Optional<Account> recipient = accounts.findBySipUser(sipUser, settings.sipDomain());
        if (recipient.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant until = now.plus(messaging.claimLease());
        return messages.claimHeads(recipient.get().getId(), now, until, limit).stream()
                .map(m -> new QueuedMessage(m.getId(), m.getSenderUri(), m.getRecipientUri(), m.getContentType(),
                        m.getBody(), m.getReceivedAt(), m.getAttempts(), until))
                .toList();
    }

    /**
     * How a run of claimed messages went, in one transaction: {@code removed} were delivered (or
     * refused for good) and go; {@code retried} (null for none) got no answer: counted, and it
     * (with the recipient's queue behind it) waits for the back-off; {@code released} were not
     * tried and are put back untouched.
     */
    public void settle(Collection<Long> removed, Long retried, Collection<Long> released) {
        messages.deleteAll(removed);
        if (retried != null) {
            messages.find(retried).ifPresent(m -> m.recordAttempt(
                    messaging.backoff().nextAttempt(clock.instant(), m.getAttempts() + 1)));
        }
        messages.releaseAll(released);
    }
}
