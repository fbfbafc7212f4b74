package org.switchboard.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration}.
 * Called by the startup EJB before anything uses the persistence unit; Hibernate never creates the schema.
 */
public final class SchemaMigration {

    /** Where the versioned SQL scripts live, inside this jar. */
    public static final String LOCATIONS = "classpath:db/migration";

    /** The placeholder of V10: how many ids the busiest identity columns take at a time. */
    static final String IDENTITY_CACHE = "identity_cache";

    private SchemaMigration() {
    }

    /**
     * H2 stores the whole database file each time an identity sequence's cached block runs out
     * (every 32 values by default), so its busy tables take 1,000 at a time. PostgreSQL's cache is
     * per session: rows written over two pooled connections would get ids out of their order, and
     * delivery and trace order break ties on the id, so it keeps 1 (its sequences are cheap).
     */
    static int identityCache(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()) ? 1000 : 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database this is", e);
        }
    }

    /**
     * Applies the pending migrations.
     *
     * @return the number of migrations applied (0 when the schema is already current)
     */
    public static int migrate(DataSource dataSource) {
        // This jar's class loader: in the EAR it sees Flyway and its database plugins in lib/,
        // whatever the calling module's context class loader is.
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATIONS)
                // A packaging mistake that loses the scripts must stop the deployment, not look like "up to date".
                .failOnMissingLocations(true)
                // WildFly's EJB timer store (database-data-store on the same datasource, switchboard.cli) creates
                // its table JBOSS_EJB_TIMER before this runs on a new database. Baseline 0 accepts that
                // and still applies every script from V1; a schema of someone else's tables would fail V1.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .placeholders(Map.of(IDENTITY_CACHE, Integer.toString(identityCache(dataSource))))
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
