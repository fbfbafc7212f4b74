package org.switchboard.persistence.voicemail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Voicemails, always read per account. */
@ApplicationScoped
public class VoicemailRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected VoicemailRepository() {
        // for CDI
    }

    public VoicemailRepository(EntityManager em) {
        this.em = em;
    }

    public Voicemail save(Voicemail voicemail) {
        if (voicemail.getId() == null) {
            em.persist(voicemail);
            return voicemail;
        }
        return em.merge(voicemail);
    }

    /** A page of the account's voicemails, newest first. */
    public List<Voicemail> findByAccount(long accountId, int first, int max) {
        return em.createQuery("select v from Voicemail v where v.account.id = :accountId"
                        + " order by v.receivedAt desc, v.id desc", Voicemail.class)
                .setParameter("accountId", accountId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** One voicemail, only if it belongs to this account (so a guessed id reveals nothing). */
    public Optional<Voicemail> findForAccount(long voicemailId, long accountId) {
        return em.createQuery("select v from Voicemail v where v.id = :id and v.account.id = :accountId", Voicemail.class)
                .setParameter("id", voicemailId)
                .setParameter("accountId", accountId)
                .getResultStream()
                .findFirst();
    }

    public long countForAccount(long accountId) {
        return em.createQuery("select count(v) from Voicemail v where v.account.id = :accountId", Long.class)
                .setParameter("accountId", accountId)
                .getSingleResult();
    }

    /**
     * Retention: up to {@code limit} voicemails received before the cutoff, with their audio references,
     * so the caller can delete the files before {@link #deleteByIds the rows}.
     */
    public List<StoredVoicemail> receivedBefore(Instant cutoff, int limit) {
        return em.createQuery("select new org.switchboard.persistence.voicemail.StoredVoicemail(v.id, v.audioRef)"
                        + " from Voicemail v where v.receivedAt < :cutoff order by v.id", StoredVoicemail.class)
                .setParameter("cutoff", cutoff)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Account deletion: up to {@code limit} of the account's voicemails, with their audio references. */
    public List<StoredVoicemail> storedFor(long accountId, int limit) {
        return em.createQuery("select new org.switchboard.persistence.voicemail.StoredVoicemail(v.id, v.audioRef)"
                        + " from Voicemail v where v.account.id = :accountId order by v.id", StoredVoicemail.class)
                .setParameter("accountId", accountId)
                .setMaxResults(limit)
                .getResultList();
    }

    public int deleteByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("delete from Voicemail v where v.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Message waiting (RFC 3842): the account's voicemails not yet heard, and those heard. */
    public MessageCounts countsForAccount(long accountId) {
        Object[] row = em.createQuery("select"
                        + " coalesce(sum(case when v.heardAt is null then 1 else 0 end), 0),"
                        + " coalesce(sum(case when v.heardAt is null then 0 else 1 end), 0)"
                        + " from Voicemail v where v.account.id = :accountId", Object[].class)
                .setParameter("accountId", accountId)
                .getSingleResult();
        return new MessageCounts(((Number) row[0]).intValue(), ((Number) row[1]).intValue());
    }
}
