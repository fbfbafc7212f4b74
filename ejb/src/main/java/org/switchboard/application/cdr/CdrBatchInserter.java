package org.switchboard.application.cdr;

import static org.switchboard.application.batch.JdbcValues.setInstant;
import static org.switchboard.application.batch.JdbcValues.setInteger;
import static org.switchboard.application.batch.JdbcValues.setLong;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.switchboard.application.account.LocalAccountIds;

/** Writes a batch of CDRs in one transaction with one JDBC batch (see TraceBatchInserter for why JDBC). */
@Stateless
public class CdrBatchInserter {

    private static final String INSERT = "INSERT INTO call_detail_record (call_id, caller_account_id, callee_account_id,"
            + " caller_uri, callee_uri, start_time, answer_time, end_time, duration_seconds, disposition, failure_code,"
            + " caller_signaling_address, callee_signaling_address, caller_media_address, callee_media_address,"
            + " caller_user_agent, callee_user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    LocalAccountIds accountIds;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<CallRecord> calls) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> ids = accountIds.resolve(connection,
                    calls.stream().flatMap(c -> Stream.of(c.callerUser(), c.calleeUser())));
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (CallRecord c : calls) {
                    insert.setString(1, c.callId());
                    setLong(insert, 2, ids.get(c.callerUser()));
                    setLong(insert, 3, ids.get(c.calleeUser()));
                    insert.setString(4, c.callerUri());
                    insert.setString(5, c.calleeUri());
                    setInstant(insert, 6, c.start());
                    setInstant(insert, 7, c.answer());
                    setInstant(insert, 8, c.end());
                    insert.setInt(9, c.durationSeconds());
                    insert.setString(10, c.disposition().name());
                    setInteger(insert, 11, c.failureCode());
                    insert.setString(12, c.callerSignalingAddress());
                    insert.setString(13, c.calleeSignalingAddress());
                    insert.setString(14, c.callerMediaAddress());
                    insert.setString(15, c.calleeMediaAddress());
                    insert.setString(16, c.callerUserAgent());
                    insert.setString(17, c.calleeUserAgent());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + calls.size() + " CDR(s) failed", e);
        }
    }
}
