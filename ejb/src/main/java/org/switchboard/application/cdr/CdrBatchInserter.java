package org.switchboard.application.cdr;

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
import org.switchboard.persistence.cdr.CdrRow;
import org.switchboard.persistence.cdr.CdrRowInserter;

/**
 * Writes a batch of CDRs in one transaction: the accounts of all of them with one query, then one
 * JDBC batch ({@link CdrRowInserter}, where the SQL lives).
 */
@Stateless
public class CdrBatchInserter {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Inject
    LocalAccountIds accountIds;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insert(List<CallRecord> calls) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Long> ids = accountIds.resolve(connection,
                    calls.stream().flatMap(c -> Stream.of(c.callerUser(), c.calleeUser())));
            CdrRowInserter.insert(connection, calls.stream().map(c -> new CdrRow(c.callId(), ids.get(c.callerUser()),
                    ids.get(c.calleeUser()), c.callerUri(), c.calleeUri(), c.start(), c.answer(), c.end(),
                    c.durationSeconds(), c.disposition(), c.failureCode(), c.callerSignalingAddress(),
                    c.calleeSignalingAddress(), c.callerMediaAddress(), c.calleeMediaAddress(), c.callerUserAgent(),
                    c.calleeUserAgent())).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + calls.size() + " CDR(s) failed", e);
        }
    }
}
