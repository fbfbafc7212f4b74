package org.switchboard.persistence.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Account ids of many SIP users of one domain with one query, on the caller's connection: the
 * trace and CDR writers link a whole batch of records to their accounts without a lookup per record.
 */
public final class AccountIdQuery {

    private AccountIdQuery() {
    }

    /** Ids by SIP user, for those of {@code sipUsers} (distinct, no nulls) that have an account in the domain. */
    public static Map<String, Long> idsBySipUser(Connection connection, String sipDomain, Collection<String> sipUsers)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (sipUsers.isEmpty()) {
            return ids;
        }
        List<String> users = List.copyOf(sipUsers);
        String in = String.join(",", Collections.nCopies(users.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, sip_user FROM account WHERE sip_domain = ? AND sip_user IN (" + in + ")")) {
            query.setString(1, sipDomain);
            for (int i = 0; i < users.size(); i++) {
                query.setString(i + 2, users.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
