package org.switchboard.application.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.account.AccountIdQuery;

/**
 * Turns the local SIP users named in a batch of traces or CDRs into account ids with one query
 * ({@link AccountIdQuery}), so the batch writers link records to the accounts they concern without a
 * lookup per record.
 */
@ApplicationScoped
public class LocalAccountIds {

    @Inject
    SwitchboardSettings settings;

    /** Account ids by SIP user, for those of the given users (nulls ignored) that have an account here. */
    public Map<String, Long> resolve(Connection connection, Stream<String> sipUsers) throws SQLException {
        return AccountIdQuery.idsBySipUser(connection, settings.sipDomain(),
                sipUsers.filter(Objects::nonNull).distinct().toList());
    }
}
