package org.switchboard.persistence.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.switchboard.persistence.SchemaMigration;

/**
 * The databases the repository tests run on. {@link #open()} gives a migrated database with an
 * EntityManagerFactory for unit "switchboard" whose schema Hibernate has VALIDATED against the entities.
 * PostgreSQL comes from -Dswitchboard.test.pg.url (or env SWITCHBOARD_TEST_PG_URL); without it those
 * tests are skipped through a JUnit assumption.
 */
public enum TestDatabase {

    H2 {
        @Override
        public ScratchDatabase scratch() {
            return new ScratchDatabase(newDataSource(), () -> { });
        }

        @Override
        public DataSource newDataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            // Plain H2 mode on purpose: the migrations must run on it unchanged.
            ds.setURL("jdbc:h2:mem:switchboard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            ds.setUser("sa");
            ds.setPassword("");
            return ds;
        }
    },

    POSTGRESQL {
        @Override
        public ScratchDatabase scratch() throws SQLException {
            PGSimpleDataSource admin = (PGSimpleDataSource) newDataSource();
            String schema = "sb_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute(admin, "create schema " + schema);
            PGSimpleDataSource ds = (PGSimpleDataSource) newDataSource();
            ds.setCurrentSchema(schema);
            return new ScratchDatabase(ds, () -> execute(admin, "drop schema " + schema + " cascade"));
        }

        @Override
        public DataSource newDataSource() {
            String url = postgresUrl();
            assumeTrue(url != null, "PostgreSQL tests skipped: set -Dswitchboard.test.pg.url or SWITCHBOARD_TEST_PG_URL");
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(url);
            ds.setUser(setting("switchboard.test.pg.user", "SWITCHBOARD_TEST_PG_USER", "switchboard"));
            ds.setPassword(setting("switchboard.test.pg.password", "SWITCHBOARD_TEST_PG_PASSWORD", "switchboard"));
            return ds;
        }
    };

    private static final Map<TestDatabase, MigratedDatabase> OPEN = new EnumMap<>(TestDatabase.class);

    /** A private empty database (H2) or schema (PostgreSQL), dropped on close. */
    public abstract ScratchDatabase scratch() throws SQLException;

    private static void execute(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A DataSource on this kind of database: a new empty in-memory database for H2, the test database for PG. */
    public abstract DataSource newDataSource();

    /**
     * The shared migrated database of this kind, created on first use in this JVM: schema wiped
     * (Flyway clean, test only), {@link SchemaMigration#migrate} run, Hibernate started with validate.
     * Tests isolate themselves by creating uniquely named accounts.
     */
    public synchronized MigratedDatabase open() {
        MigratedDatabase db = OPEN.get(this);
        if (db == null) {
            DataSource ds = newDataSource();
            clean(ds);
            int applied = SchemaMigration.migrate(ds);
            db = new MigratedDatabase(this, ds, applied, createEntityManagerFactory(ds));
            OPEN.put(this, db);
        }
        return db;
    }

    /** Drops everything in the schema. Only tests may do this: production keeps cleanDisabled. */
    public static void clean(DataSource ds) {
        Flyway.configure().dataSource(ds).cleanDisabled(false).load().clean();
    }

    /**
     * Unit "switchboard" from the real persistence.xml, adapted to run without a container:
     * resource-local transactions on the given DataSource (no JNDI lookup of the JTA data source) and
     * hbm2ddl validate, so startup fails if the Flyway schema does not match the entities.
     */
    public static EntityManagerFactory createEntityManagerFactory(DataSource ds) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", ds);
        props.put("jakarta.persistence.nonJtaDataSource", ds);
        props.put("hibernate.hbm2ddl.auto", "validate");
        props.put("hibernate.type.json_format_mapper", new UnusedFormatMapper());
        props.put("hibernate.type.xml_format_mapper", new UnusedFormatMapper());
        return Persistence.createEntityManagerFactory("switchboard", props);
    }

    /** The PostgreSQL JDBC URL: system property first (surefire passes the Maven property), then env (CI). */
    public static String postgresUrl() {
        return setting("switchboard.test.pg.url", "SWITCHBOARD_TEST_PG_URL", null);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
