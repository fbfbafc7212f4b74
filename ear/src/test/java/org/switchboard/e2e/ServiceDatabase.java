package org.switchboard.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JDBC on the database of the service under test, to check what it wrote. Only possible on
 * PostgreSQL (SWITCHBOARD_TEST_PG_URL): the default H2 file is held open by WildFly.
 */
final class ServiceDatabase {

    private ServiceDatabase() {
    }

    /** Skips the calling test's database checks, saying why, when the service runs on H2. */
    static void assumeReadable() {
        assumeTrue("postgresql".equals(RunCommand.database()),
                "database checks need SWITCHBOARD_TEST_PG_URL: the service's H2 file is locked by WildFly");
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("SWITCHBOARD_TEST_PG_URL"),
                System.getProperty("switchboard.test.pg.user", "switchboard"),
                System.getProperty("switchboard.test.pg.password", "switchboard"));
    }

    /** Drops everything in the test PostgreSQL's public schema (before the service starts on it). */
    static void emptySchema() {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
    }

    /** One INSERT, UPDATE or DELETE; the row count. For setting up what the portal can't yet. */
    static int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    static List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnName(c), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Polls until the query returns at least {@code count} rows (the recorders write in batches). */
    static List<Map<String, Object>> awaitRows(int count, long timeoutMillis, String sql, Object... parameters)
            throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Map<String, Object>> rows = query(sql, parameters);
        while (rows.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            rows = query(sql, parameters);
        }
        return rows;
    }
}
