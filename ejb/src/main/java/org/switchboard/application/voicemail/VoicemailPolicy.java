package org.switchboard.application.voicemail;

import java.util.Optional;
import org.switchboard.persistence.account.Account;
import org.switchboard.persistence.account.VoicemailSettings;

/**
 * What an account's voicemail settings mean for a new recording. Settings that would keep it
 * nowhere (not mailed, because mail is off or the account has no email address, and not kept on the
 * server) mean voicemail is OFF: the call is not diverted, and a recording for such an account is
 * refused. An account without a settings row (every account opened by the service has one) is off
 * too, as the portal shows it.
 */
public record VoicemailPolicy(boolean answers, boolean mail, boolean keepOnServer, String email) {

    static VoicemailPolicy of(Account account, Optional<VoicemailSettings> settings) {
        if (settings.isEmpty() || !settings.get().isEnabled()) {
            return new VoicemailPolicy(false, false, false, null);
        }
        String email = account.getEmail();
        boolean mail = settings.get().isSendByEmail() && email != null && !email.isBlank();
        boolean keep = settings.get().isStoreOnServer();
        return new VoicemailPolicy(mail || keep, mail, keep, mail ? email : null);
    }
}
