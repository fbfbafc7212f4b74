package org.switchboard.application.device;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.application.portal.Subscribers;
import org.switchboard.persistence.account.Account;

/** The signed-in subscriber's registered phones: only their own address-of-record is looked up. */
@Stateless
public class Devices {

    @Inject
    Subscribers subscribers;

    /** The registrar's location service (sip-app); absent when no SIP engine is deployed. */
    @Inject
    Instance<DeviceDirectory> directory;

    public List<Device> registered(String login) {
        return directory.isResolvable() ? directory.get().registered(aor(login)) : List.of();
    }

    /** "Unregister this device": only a binding of the login's own address-of-record can be named. */
    public boolean unregister(String login, String contact) {
        return directory.isResolvable() && directory.get().unregister(aor(login), contact);
    }

    /** The registrar's key: sip:user@domain with the domain in lower case (LocationService.aor). */
    private String aor(String login) {
        Account account = subscribers.current(login);
        return "sip:" + account.getSipUser() + "@" + account.getSipDomain().toLowerCase(java.util.Locale.ROOT);
    }
}
