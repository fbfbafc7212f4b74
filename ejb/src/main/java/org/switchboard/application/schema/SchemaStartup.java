package org.switchboard.application.schema;

import org.switchboard.persistence.SchemaMigration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * Brings the database schema up to date before anything uses it: Flyway migrates, then Hibernate
 * validates the entities against the result. A mismatch fails the deployment instead of failing
 * later on a subscriber's request. Every other startup bean depends on this one.
 */
@Singleton
@Startup
// A bad setting fails the deployment before anything else starts.
@jakarta.ejb.DependsOn("SettingsCheck")
// Flyway commits its own work; a container transaction around it would forbid that.
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaStartup {

    private static final Logger LOG = Logger.getLogger(SchemaStartup.class.getName());

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    private DataSource dataSource;

    @PersistenceUnit(unitName = "switchboard")
    private EntityManagerFactory entityManagerFactory;

    @PostConstruct
    void migrateAndValidate() {
        int applied = SchemaMigration.migrate(dataSource);
        entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
        LOG.info(() -> "Database schema ready (" + applied + " migration(s) applied now), entities validated");
    }
}
