package org.switchboard.application.trace;

import org.switchboard.persistence.trace.TraceMessage;

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
import javax.sql.DataSource;
import java.util.stream.Stream;
import org.switchboard.application.account.LocalAccountIds;
import static org.switchboard.application.batch.JdbcValues.setInstant;
import static org.switchboard.application.batch.JdbcValues.setInteger;
import static org.switchboard.application.batch.JdbcValues.setLong;

/**
 * Writes a batch of trace messages in one transaction with one JDBC batch: identity keys keep
 * Hibernate from batching inserts, and at hundreds of calls a second that matters.
 */
@Stateless
public class TraceBatchInserter {

    private static final String INSERT = "INSERT INTO trace_message (call_id, message_time, direction, transport,"
            + " source_ip, source_port, destination_ip, destination_port, method, status_code, cseq_method, raw_text,"
            + " from_account_id, to_account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    LocalAccountIds accountIds;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<TraceEvent> events) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> ids = accountIds.resolve(connection,
                    events.stream().flatMap(e -> Stream.of(e.fromUser(), e.toUser())));
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (TraceEvent e : events) {
                    insert.setString(1, e.callId());
                    setInstant(insert, 2, e.time());
                    insert.setString(3, e.direction().name());
                    insert.setString(4, e.transport());
                    insert.setString(5, e.sourceIp());
                    insert.setInt(6, e.sourcePort());
                    insert.setString(7, e.destinationIp());
                    insert.setInt(8, e.destinationPort());
                    insert.setString(9, e.method());
                    setInteger(insert, 10, e.statusCode());
                    insert.setString(11, e.cseqMethod());
                    insert.setString(12, truncate(e.rawText()));
                    setLong(insert, 13, ids.get(e.fromUser()));
                    setLong(insert, 14, ids.get(e.toUser()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + events.size() + " trace message(s) failed", e);
        }
    }

    // A message larger than the column (over TCP it can be) is kept cut, not lost.
    private static String truncate(String raw) {
        return raw.length() <= TraceMessage.MAX_RAW_TEXT ? raw : raw.substring(0, TraceMessage.MAX_RAW_TEXT);
    }
}
