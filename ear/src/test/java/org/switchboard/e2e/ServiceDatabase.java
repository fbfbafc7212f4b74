package org.switchboard.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Plain JDBC on the database of the service under test, to check what it wrote: its PostgreSQL when
 * the tests have one (SWITCHBOARD_TEST_PG_URL), else its H2 file, which the run command opens with
 * AUTO_SERVER=TRUE for the tests (RunCommand.h2Url): the first process to open it serves it to the
 * others over TCP. Column names come back in lower case on both (H2 reports them upper case).
 */
final class ServiceDatabase {

    private ServiceDatabase() {
    }

    private static boolean onPostgresql() {
        return "postgresql".equals(RunCommand.database());
    }

    private static Connection connect() throws SQLException {
        if (!onPostgresql()) {
            // The user of switchboard.properties' H2 defaults.
            return DriverManager.getConnection(RunCommand.h2Url(Path.of(System.getProperty("switchboard.e2e.var"))), "sa", "sa");
        }
        return DriverManager.getConnection(System.getenv("SWITCHBOARD_TEST_PG_URL"),
                System.getProperty("switchboard.test.pg.user", "switchboard"),
                System.getProperty("switchboard.test.pg.password", "switchboard"));
    }

    /** The names of the service's tables, in lower case. */
    static List<String> tableNames() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = connect();
                ResultSet rs = connection.getMetaData().getTables(null, onPostgresql() ? "public" : "PUBLIC", "%",
                        new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return tables;
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
                        row.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), rs.getObject(c));
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
        return awaitRows(sql, rows -> rows.size() >= count, timeoutMillis, parameters);
    }

    /**
     * Polls until the rows the query returns satisfy {@code until}, or {@code timeoutMillis} has
     * passed; returns the last rows read either way, so the caller's assertions say what is missing.
     * The trace and CDR recorders write in batches on their own clocks (every 200 ms, each stream on
     * its own thread): a row the service has made is in the database a moment later, not at once,
     * and one stream's rows may come before or after the other's.
     */
    static List<Map<String, Object>> awaitRows(String sql, Predicate<List<Map<String, Object>>> until, long timeoutMillis,
            Object... parameters) throws SQLException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        List<Map<String, Object>> rows = query(sql, parameters);
        while (!until.test(rows) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            rows = query(sql, parameters);
        }
        return rows;
    }
}
