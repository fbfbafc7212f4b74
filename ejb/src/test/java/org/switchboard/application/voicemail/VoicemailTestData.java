package org.switchboard.application.voicemail;

import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.persistence.account.VoicemailSettings;
import org.switchboard.persistence.account.VoicemailSettingsRepository;
import org.switchboard.persistence.voicemail.Voicemail;
import org.switchboard.persistence.voicemail.VoicemailMail;
import org.switchboard.persistence.voicemail.VoicemailMailRepository;

/** Rows for VoicemailOutboxIT, each call in its own transaction. */
@Stateless
public class VoicemailTestData {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    public void settings(long accountId, boolean enabled, boolean mail, boolean store) {
        VoicemailSettings settings = new VoicemailSettingsRepository(em).findByAccount(accountId).orElseThrow();
        settings.setEnabled(enabled);
        settings.setSendByEmail(mail);
        settings.setStoreOnServer(store);
    }

    public Voicemail voicemail(long id) {
        return em.find(Voicemail.class, id);
    }

    public Optional<VoicemailMail> mail(long voicemailId) {
        Optional<VoicemailMail> mail = new VoicemailMailRepository(em).forVoicemail(voicemailId);
        mail.ifPresent(em::detach);
        return mail;
    }

    public long voicemailsOf(long accountId) {
        return em.createQuery("select count(v) from Voicemail v where v.account.id = :id", Long.class)
                .setParameter("id", accountId).getSingleResult();
    }

    /** The VoicemailChanged events that committed, in order. */
    @ApplicationScoped
    public static class Events {
        private final List<Long> accounts = new CopyOnWriteArrayList<>();

        void on(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoicemailChanged change) {
            accounts.add(change.accountId());
        }

        public List<Long> accounts() {
            return accounts;
        }
    }
}
