package org.switchboard.persistence.trace;

import org.switchboard.persistence.text.StorableText;

import static org.switchboard.persistence.JdbcValues.setInstant;
import static org.switchboard.persistence.JdbcValues.setInteger;
import static org.switchboard.persistence.JdbcValues.setLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts trace rows with one JDBC batch on the caller's connection (and in its transaction).
 * Plain JDBC because identity keys keep Hibernate from batching inserts, and at hundreds of calls
 * a second that matters; on PostgreSQL the driver turns the batch into multi-row INSERTs
 * (reWriteBatchedInserts, set by the run command).
 */
public final class TraceRowInserter {

    private static final String INSERT = "INSERT INTO trace_message (call_id, message_time, direction, transport,"
            + " source_ip, source_port, destination_ip, destination_port, method, status_code, cseq_method, raw_text,"
            + " from_account_id, to_account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private TraceRowInserter() {
    }

    public static void insert(Connection connection, List<TraceRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (TraceRow row : rows) {
                insert.setString(1, StorableText.of(row.callId()));
                setInstant(insert, 2, row.time());
                insert.setString(3, StorableText.of(row.direction().name()));
                insert.setString(4, StorableText.of(row.transport()));
                insert.setString(5, StorableText.of(row.sourceIp()));
                insert.setInt(6, row.sourcePort());
                insert.setString(7, StorableText.of(row.destinationIp()));
                insert.setInt(8, row.destinationPort());
                insert.setString(9, StorableText.of(row.method()));
                setInteger(insert, 10, row.statusCode());
                insert.setString(11, StorableText.of(row.cseqMethod()));
                insert.setString(12, StorableText.of(truncate(row.rawText())));
                setLong(insert, 13, row.fromAccountId());
                setLong(insert, 14, row.toAccountId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // A message larger than the column (over TCP it can be) is kept cut, not lost.
    private static String truncate(String raw) {
        return raw.length() <= TraceMessage.MAX_RAW_TEXT ? raw : raw.substring(0, TraceMessage.MAX_RAW_TEXT);
    }
}
