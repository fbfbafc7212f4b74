package org.switchboard.persistence;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with the Flyway migrations in {@code db/migration}.
 * Called by the startup EJB before anything uses the persistence unit; Hibernate never creates the schema.
 */
public final class SchemaMigration {

    /** Where the versioned SQL scripts live, inside this jar. */
    public static final String LOCATIONS = "classpath:db/migration";

    private SchemaMigration() {
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
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
