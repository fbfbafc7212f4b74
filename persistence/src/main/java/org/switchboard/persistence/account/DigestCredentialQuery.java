package org.switchboard.persistence.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
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

    private static final String COLUMNS = "select a.id, a.sip_user, a.sip_domain, a.status, c.ha1_md5, c.ha1_sha256"
            + " from account a join sip_credential c on c.account_id = a.id";
    private static final String SQL = COLUMNS + " where a.sip_user = ? and a.sip_domain = ?";
    private static final String ACTIVE = COLUMNS + " where a.sip_domain = ? and a.status = 'ACTIVE' order by a.id";

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
                return rs.next() ? Optional.of(credentials(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the credentials of " + user + "@" + domain, e);
        }
    }

    /**
     * The credentials of up to {@code limit} active accounts of {@code domain}, oldest first, each
     * handed to {@code each} as it is read (one query, streamed: a warm-up of the SIP engine's cache).
     *
     * @return how many were handed over
     */
    public int forEachActive(String domain, int limit, Consumer<DigestCredentials> each) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(ACTIVE)) {
            statement.setString(1, domain);
            statement.setMaxRows(limit);
            statement.setFetchSize(Math.min(1000, limit)); // H2 refuses a fetch size above the row limit
            int count = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    each.accept(credentials(rs));
                    count++;
                }
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the credentials of " + domain + "'s active accounts", e);
        }
    }

    private static DigestCredentials credentials(ResultSet rs) throws SQLException {
        return new DigestCredentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                AccountStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6));
    }
}
