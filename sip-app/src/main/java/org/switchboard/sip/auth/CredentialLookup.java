package org.switchboard.sip.auth;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.switchboard.persistence.account.AccountStatus;

/**
 * Reads an account's digest credentials from the database (through {@link CredentialCache}).
 *
 * <p>Plain JDBC, one statement for account and credential together: every registration of a phone
 * comes here once (its credentials have left the cache since its last one), so it is the registrar's
 * one database read. Under load the JPQL version spent the SIP workers' time in Hibernate's query
 * parser, and the native-query version still a fifth of the CPU in Hibernate's result-set mapping
 * (bench/README.md). No transaction: one read of committed rows.
 */
@ApplicationScoped
public class CredentialLookup {

    private static final String SQL = "select a.id, a.sip_user, a.sip_domain, a.status, c.ha1_md5, c.ha1_sha256"
            + " from account a join sip_credential c on c.account_id = a.id"
            + " where a.sip_user = ? and a.sip_domain = ?";

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    public Optional<DigestAccount> find(String user, String domain) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, user);
            statement.setString(2, domain);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DigestAccount(rs.getLong(1), rs.getString(2), rs.getString(3),
                        AccountStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the credentials of " + user + "@" + domain, e);
        }
    }
}
