package org.switchboard.persistence.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The single retention settings row. */
@ApplicationScoped
public class RetentionSettingsRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected RetentionSettingsRepository() {
        // for CDI
    }

    public RetentionSettingsRepository(EntityManager em) {
        this.em = em;
    }

    /** The settings; the row is seeded by the migration, so its absence is a broken schema. */
    public RetentionSettings get() {
        RetentionSettings settings = em.find(RetentionSettings.class, RetentionSettings.SINGLETON_ID);
        if (settings == null) {
            throw new IllegalStateException("retention_settings row " + RetentionSettings.SINGLETON_ID
                    + " missing: the schema was not migrated");
        }
        return settings;
    }

    public RetentionSettings save(RetentionSettings settings) {
        return em.merge(settings);
    }
}
