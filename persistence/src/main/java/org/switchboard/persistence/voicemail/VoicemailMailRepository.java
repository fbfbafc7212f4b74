package org.switchboard.persistence.voicemail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The voicemail mail outbox. */
@ApplicationScoped
public class VoicemailMailRepository {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    protected VoicemailMailRepository() {
        // for CDI
    }

    public VoicemailMailRepository(EntityManager em) {
        this.em = em;
    }

    public VoicemailMail save(VoicemailMail mail) {
        em.persist(mail);
        return mail;
    }

    /** Up to {@code limit} mails due at {@code now}, the longest waiting first. */
    public List<VoicemailMail> due(Instant now, int limit) {
        return em.createQuery("select m from VoicemailMail m join fetch m.voicemail"
                        + " where m.nextAttemptAt <= :now order by m.nextAttemptAt, m.id", VoicemailMail.class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes a due mail for {@code until}: moves its next attempt there, only if no one else has
     * since (its next attempt is still {@code seen}). Nodes sharing the database thus never send one
     * mail at the same time; a node that dies holding one gives it up when {@code until} passes.
     */
    public boolean claim(long id, Instant seen, Instant until) {
        return em.createQuery("update VoicemailMail m set m.nextAttemptAt = :until"
                        + " where m.id = :id and m.nextAttemptAt = :seen")
                .setParameter("until", until)
                .setParameter("id", id)
                .setParameter("seen", seen)
                .executeUpdate() == 1;
    }

    public Optional<VoicemailMail> find(long id) {
        return Optional.ofNullable(em.find(VoicemailMail.class, id));
    }

    public Optional<VoicemailMail> forVoicemail(long voicemailId) {
        return em.createQuery("select m from VoicemailMail m where m.voicemail.id = :id", VoicemailMail.class)
                .setParameter("id", voicemailId)
                .getResultStream()
                .findFirst();
    }

    /** The mail has gone: out of the outbox, and the voicemail marked mailed (without its audio reference if it goes). */
    public void sent(VoicemailMail mail, Instant when) {
        Voicemail voicemail = mail.getVoicemail();
        em.createQuery("update Voicemail v set v.mailedAt = :when"
                        + (mail.isKeepAudio() ? "" : ", v.audioRef = null") + " where v.id = :id")
                .setParameter("when", when)
                .setParameter("id", voicemail.getId())
                .executeUpdate();
        em.remove(mail);
    }

    public long count() {
        return em.createQuery("select count(m) from VoicemailMail m", Long.class).getSingleResult();
    }
}
