package org.switchboard.persistence.messaging;

import static org.switchboard.persistence.JdbcValues.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.persistence.text.StorableText;

/**
 * The SQL of storing many offline messages in one transaction (group commit), on the caller's
 * connection: who the recipients are and how many messages each holds, the retention window, and one JDBC batch of inserts. Plain JDBC because identity keys keep
 * Hibernate from batching inserts; on PostgreSQL the driver makes the batch multi-row INSERTs
 * (reWriteBatchedInserts, set by the run command).
 */
public final class OfflineMessageBatch {

    private static final String INSERT = "INSERT INTO offline_message (sender_uri, recipient_account_id, recipient_uri,"
            + " content_type, body, received_at, attempts, next_attempt_at, expires_at, claimed_until)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)";

    /** A local user a message is for: the account, its status, and how many messages it holds (not expired, up to the count asked). */
    public record Recipient(long accountId, AccountStatus status, long pending) {
    }

    private OfflineMessageBatch() {
    }

    /**
     * The recipients among {@code sipUsers} (distinct, no nulls) that have an account in the
     * domain, by SIP user, each with how many messages it holds at {@code now}, counted up to
     * {@code countUpTo} only: the per-recipient maximum needs no more, and a recipient holding
     * many then costs no more than one holding that many.
     */
    public static Map<String, Recipient> recipients(Connection connection, String sipDomain, Collection<String> sipUsers,
            Instant now, int countUpTo) throws SQLException {
        Map<String, Recipient> found = new HashMap<>();
        if (sipUsers.isEmpty()) {
            return found;
        }
        List<String> users = List.copyOf(sipUsers);
        String in = String.join(",", Collections.nCopies(users.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, sip_user, status FROM account WHERE sip_domain = ? AND sip_user IN (" + in + ")");
             PreparedStatement held = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM offline_message"
                     + " WHERE recipient_account_id = ? AND expires_at > ? FETCH FIRST ? ROWS ONLY) held")) {
            query.setString(1, sipDomain);
            for (int i = 0; i < users.size(); i++) {
                query.setString(i + 2, users.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(2), new Recipient(rs.getLong(1), AccountStatus.valueOf(rs.getString(3)), 0));
                }
            }
            for (Map.Entry<String, Recipient> each : found.entrySet()) {
                Recipient recipient = each.getValue();
                held.setLong(1, recipient.accountId());
                setInstant(held, 2, now);
                held.setInt(3, countUpTo);
                try (ResultSet rs = held.executeQuery()) {
                    rs.next();
                    each.setValue(new Recipient(recipient.accountId(), recipient.status(), rs.getLong(1)));
                }
            }
        }
        return found;
    }

    /** The retention window of offline messages, in days ({@code retention_settings}, the one row). */
    public static int retentionDays(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT offline_message_days FROM retention_settings");
             ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("retention_settings has no row: the schema was not migrated");
            }
            return rs.getInt(1);
        }
    }

    /** Inserts every row with one JDBC batch, in the caller's transaction. */
    public static void insert(Connection connection, List<OfflineMessageRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OfflineMessageRow row : rows) {
                insert.setString(1, StorableText.of(row.senderUri()));
                insert.setLong(2, row.recipientAccountId());
                insert.setString(3, StorableText.of(row.recipientUri()));
                insert.setString(4, StorableText.of(row.contentType()));
                insert.setBytes(5, row.body());
                setInstant(insert, 6, row.receivedAt());
                insert.setInt(7, row.attempts());
                setInstant(insert, 8, row.nextAttemptAt());
                setInstant(insert, 9, row.expiresAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
