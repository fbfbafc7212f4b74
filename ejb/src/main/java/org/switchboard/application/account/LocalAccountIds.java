package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * Turns the local SIP users named in a batch of traces or CDRs into account ids with one query,
 * so the batch writers link records to the accounts they concern without a lookup per record.
 */
@ApplicationScoped
public class LocalAccountIds {

    @Inject
    SwitchboardSettings settings;

    /** Account ids by SIP user, for those of the given users (nulls ignored) that have an account here. */
    public Map<String, Long> resolve(Connection connection, Stream<String> sipUsers) throws SQLException {
        List<String> users = sipUsers.filter(Objects::nonNull).distinct().toList();
        Map<String, Long> ids = new HashMap<>();
        if (users.isEmpty()) {
            return ids;
        }
        String in = String.join(",", java.util.Collections.nCopies(users.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, sip_user FROM account WHERE sip_domain = ? AND sip_user IN (" + in + ")")) {
            query.setString(1, settings.sipDomain());
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
