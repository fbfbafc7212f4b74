package org.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.persistence.testsupport.MigratedDatabase;
import org.switchboard.persistence.testsupport.ScratchDatabase;
import org.switchboard.persistence.testsupport.TestDatabase;

class SchemaMigrationTest {

    private static long migrationScripts() throws IOException, URISyntaxException {
        URL dir = SchemaMigration.class.getClassLoader().getResource("db/migration");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesEveryScriptOnceAndHibernateValidatesTheResult(TestDatabase kind) throws Exception {
        // open() cleaned the schema, migrated it and started Hibernate with hbm2ddl=validate.
        MigratedDatabase db = kind.open();
        assertEquals(migrationScripts(), db.migrationsApplied());
        assertTrue(db.migrationsApplied() >= 1);
        // Already current: nothing more to apply.
        assertEquals(0, SchemaMigration.migrate(db.dataSource()));
        assertEquals(db.migrationsApplied(), count(db.dataSource(),
                "select count(*) from \"flyway_schema_history\" where \"success\" = true and \"type\" = 'SQL'"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesAnEmptyDatabaseThenHasNothingLeftToDo(TestDatabase kind) throws Exception {
        try (ScratchDatabase scratch = kind.scratch()) {
            assertEquals(migrationScripts(), SchemaMigration.migrate(scratch.dataSource()));
            assertEquals(0, SchemaMigration.migrate(scratch.dataSource()));
            assertEquals(1, count(scratch.dataSource(), "select count(*) from retention_settings"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void migratesANewDatabaseWhereWildFlysTimerTableCameFirst(TestDatabase kind) throws Exception {
        try (ScratchDatabase scratch = kind.scratch()) {
            try (Connection c = scratch.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("create table JBOSS_EJB_TIMER (ID varchar(255) not null primary key, TIMED_OBJECT_ID varchar(255))");
            }
            assertEquals(migrationScripts(), SchemaMigration.migrate(scratch.dataSource()));
            assertEquals(1, count(scratch.dataSource(), "select count(*) from retention_settings"));
            assertEquals(0, count(scratch.dataSource(), "select count(*) from JBOSS_EJB_TIMER"));
            assertEquals(0, SchemaMigration.migrate(scratch.dataSource()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hibernateRejectsASchemaFlywayDidNotCreate(TestDatabase kind) throws Exception {
        // Proves the validate setting is live: an empty database must not start.
        try (ScratchDatabase scratch = kind.scratch()) {
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> TestDatabase.createEntityManagerFactory(scratch.dataSource()).close());
            assertTrue(causeChain(e).contains("missing table"), causeChain(e));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void hibernateRejectsAColumnOfTheWrongType(TestDatabase kind) throws Exception {
        try (ScratchDatabase scratch = kind.scratch()) {
            SchemaMigration.migrate(scratch.dataSource());
            try (Connection c = scratch.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("alter table audit_entry alter column occurred_at set data type varchar(64)");
            }
            RuntimeException e = assertThrows(RuntimeException.class,
                    () -> TestDatabase.createEntityManagerFactory(scratch.dataSource()).close());
            assertTrue(causeChain(e).contains("occurred_at"), causeChain(e));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void idsFollowTheOrderRowsWereWrittenInWhateverConnectionWroteThem(TestDatabase kind) throws Exception {
        // Delivery order and trace order break ties on the id: a per-connection id block (what
        // PostgreSQL's CACHE gives) would put the second connection's rows after the first's.
        try (ScratchDatabase scratch = kind.scratch()) {
            SchemaMigration.migrate(scratch.dataSource());
            try (Connection a = scratch.dataSource().getConnection(); Connection b = scratch.dataSource().getConnection()) {
                insertTrace(a, "a1");
                insertTrace(b, "b1");
                insertTrace(a, "a2");
                insertTrace(b, "b2");
            }
            StringBuilder order = new StringBuilder();
            try (Connection c = scratch.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select call_id from trace_message order by id")) {
                while (rs.next()) {
                    order.append(rs.getString(1)).append(' ');
                }
            }
            assertEquals("a1 b1 a2 b2 ", order.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void h2TakesTraceIdsInBlocksOfAThousand(TestDatabase kind) throws Exception {
        // Each exhausted block costs H2 a store of the whole file (V10); PostgreSQL keeps 1.
        try (ScratchDatabase scratch = kind.scratch()) {
            SchemaMigration.migrate(scratch.dataSource());
            assertEquals(kind == TestDatabase.H2 ? 1000 : 1, SchemaMigration.identityCache(scratch.dataSource()));
            String sql = kind == TestDatabase.H2
                    ? "select identity_cache from information_schema.columns where table_name = 'TRACE_MESSAGE' and column_name = 'ID'"
                    : "select seqcache from pg_sequence where seqrelid = pg_get_serial_sequence('trace_message', 'id')::regclass";
            assertEquals(kind == TestDatabase.H2 ? 1000 : 1, count(scratch.dataSource(), sql));
        }
    }

    private static void insertTrace(Connection c, String callId) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into trace_message (call_id, message_time, direction, transport, source_ip, source_port,"
                    + " destination_ip, destination_port, cseq_method, raw_text) values ('" + callId
                    + "', current_timestamp, 'IN', 'UDP', '192.0.2.1', 5060, '192.0.2.2', 5060, 'INVITE', 'x')");
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String causeChain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" / ");
        }
        return sb.toString();
    }
}
