package org.switchboard.persistence.cdr;

import org.switchboard.persistence.text.StorableText;

import static org.switchboard.persistence.JdbcValues.setInstant;
import static org.switchboard.persistence.JdbcValues.setInteger;
import static org.switchboard.persistence.JdbcValues.setLong;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Inserts CDRs with one JDBC batch on the caller's connection (see TraceRowInserter for why JDBC). */
public final class CdrRowInserter {

    private static final String INSERT = "INSERT INTO call_detail_record (call_id, caller_account_id, callee_account_id,"
            + " caller_uri, callee_uri, start_time, answer_time, end_time, duration_seconds, disposition, failure_code,"
            + " caller_signaling_address, callee_signaling_address, caller_media_address, callee_media_address,"
            + " caller_user_agent, callee_user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private CdrRowInserter() {
    }

    public static void insert(Connection connection, List<CdrRow> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CdrRow row : rows) {
                insert.setString(1, StorableText.of(row.callId()));
                setLong(insert, 2, row.callerAccountId());
                setLong(insert, 3, row.calleeAccountId());
                insert.setString(4, StorableText.of(row.callerUri()));
                insert.setString(5, StorableText.of(row.calleeUri()));
                setInstant(insert, 6, row.start());
                setInstant(insert, 7, row.answer());
                setInstant(insert, 8, row.end());
                insert.setInt(9, row.durationSeconds());
                insert.setString(10, StorableText.of(row.disposition().name()));
                setInteger(insert, 11, row.failureCode());
                insert.setString(12, StorableText.of(row.callerSignalingAddress()));
                insert.setString(13, StorableText.of(row.calleeSignalingAddress()));
                insert.setString(14, StorableText.of(row.callerMediaAddress()));
                insert.setString(15, StorableText.of(row.calleeMediaAddress()));
                insert.setString(16, StorableText.of(row.callerUserAgent()));
                insert.setString(17, StorableText.of(row.calleeUserAgent()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
