package org.switchboard.persistence.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads an account and its digest credentials with one plain JDBC statement.
 *
 * <p>Every registration of a phone whose credentials have left the registrar's cache comes here, so
 * it is the registrar's one database read. Under load the JPQL version spent the SIP workers' time in
 * Hibernate's query parser, and the native-query version still a fifth of the CPU in Hibernate's
 * result-set mapping (bench/README.md). No transaction needed: one read of committed rows.
 */
public final class DigestCredentialQuery {

    private static final String SQL = "select a.id, a.sip_user, a.sip_domain, a.status, c.ha1_md5, c.ha1_sha256"
            + " from account a join sip_credential c on c.account_id = a.id"
            + " where a.sip_user = ? and a.sip_domain = ?";

    private final DataSource dataSource;

    public DigestCredentialQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The credentials of {@code user@domain}, empty when there is no such account or it has none. */
    public Optional<DigestCredentials> find(String user, String domain) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setString(1, user);
            statement.setString(2, domain);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new DigestCredentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                        AccountStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the credentials of " + user + "@" + domain, e);
        }
    }
}
