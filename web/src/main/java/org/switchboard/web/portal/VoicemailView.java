package org.switchboard.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.switchboard.application.portal.NotFoundException;
import org.switchboard.application.voicemail.VoicemailChoices;
import org.switchboard.application.voicemail.VoicemailItem;
import org.switchboard.application.voicemail.VoicemailSettingsService;
import org.switchboard.web.security.CurrentLogin;

/** Voicemail: the settings and the stored recordings (play, download, mark heard, delete). */
@Named
@RequestScoped
public class VoicemailView {

    @Inject
    VoicemailSettingsService voicemail;

    @Inject
    CurrentLogin login;

    private boolean enabled;
    private boolean sendByEmail;
    private boolean storeOnServer;
    private List<VoicemailItem> items;

    @PostConstruct
    void load() {
        VoicemailChoices choices = voicemail.settings(login.name());
        enabled = choices.enabled();
        sendByEmail = choices.sendByEmail();
        storeOnServer = choices.storeOnServer();
    }

    public void save() {
        voicemail.update(login.name(), new VoicemailChoices(enabled, sendByEmail, storeOnServer));
        Notices.info("Voicemail settings saved.");
    }

    /** The voicemail id comes from the button; the service only finds the subscriber's own. */
    public void markHeard(long id) {
        try {
            voicemail.markHeard(login.name(), id);
            items = null;
        } catch (NotFoundException e) {
            Notices.notFound();
        }
    }

    public void delete(long id) {
        try {
            voicemail.delete(login.name(), id);
            items = null;
            Notices.info("Voicemail deleted.");
        } catch (NotFoundException e) {
            Notices.notFound();
        }
    }

    public List<VoicemailItem> getItems() {
        if (items == null) {
            items = voicemail.list(login.name(), 0, 200);
        }
        return items;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSendByEmail() {
        return sendByEmail;
    }

    public void setSendByEmail(boolean sendByEmail) {
        this.sendByEmail = sendByEmail;
    }

    public boolean isStoreOnServer() {
        return storeOnServer;
    }

    public void setStoreOnServer(boolean storeOnServer) {
        this.storeOnServer = storeOnServer;
    }
}
