package org.switchboard.persistence.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Voicemail settings, one row per account. */
@ApplicationScoped
public class VoicemailSettingsRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected VoicemailSettingsRepository() {
        // for CDI
    }

    public VoicemailSettingsRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<VoicemailSettings> findByAccount(long accountId) {
        return em.createQuery("select s from VoicemailSettings s where s.account.id = :accountId", VoicemailSettings.class)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    public VoicemailSettings save(VoicemailSettings settings) {
        if (settings.getId() == null) {
            em.persist(settings);
            return settings;
        }
        return em.merge(settings);
    }

    /** Account deletion. */
    public int deleteForAccount(long accountId) {
        return em.createQuery("delete from VoicemailSettings s where s.account.id = :accountId")
                .setParameter("accountId", accountId)
                .executeUpdate();
    }
}
