package org.switchboard.application.device;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.account.Account;

/** The signed-in subscriber's registered phones: only their own address-of-record is looked up. */
@Stateless
public class Devices {

    @Inject
    Subscribers subscribers;

    @Inject
    DeviceDirectory directory;

    public List<Device> registered(String login) {
        return directory.registered(aor(login));
    }

    /** "Unregister this device": only a binding of the login's own address-of-record can be named. */
    public boolean unregister(String login, String contact) {
        return directory.unregister(aor(login), contact);
    }

    /** The registrar's key: sip:user@domain with the domain in lower case (LocationService.aor). */
    private String aor(String login) {
        Account account = subscribers.current(login);
        return "sip:" + account.getSipUser() + "@" + account.getSipDomain().toLowerCase(java.util.Locale.ROOT);
    }
}
