package org.switchboard.application.trace;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.switchboard.application.account.LocalAccountIds;
import org.switchboard.persistence.trace.TraceRow;
import org.switchboard.persistence.trace.TraceRowInserter;

/**
 * Writes a batch of trace messages in one transaction: the accounts of all of them with one query,
 * then one JDBC batch ({@link TraceRowInserter}, where the SQL lives).
 */
@Stateless
public class TraceBatchInserter {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    LocalAccountIds accountIds;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<TraceEvent> events) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> ids = accountIds.resolve(connection,
                    events.stream().flatMap(e -> Stream.of(e.fromUser(), e.toUser())));
            TraceRowInserter.insert(connection, events.stream().map(e -> new TraceRow(e.callId(), e.time(), e.direction(),
                    e.transport(), e.sourceIp(), e.sourcePort(), e.destinationIp(), e.destinationPort(), e.method(),
                    e.statusCode(), e.cseqMethod(), e.rawText(), ids.get(e.fromUser()), ids.get(e.toUser()))).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + events.size() + " trace message(s) failed", e);
        }
    }
}
