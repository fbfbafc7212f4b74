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
        Account account = subscribers.current(login);
        // The registrar's key: sip:user@domain with the domain in lower case (LocationService.aor).
        return directory.registered("sip:" + account.getSipUser() + "@" + account.getSipDomain().toLowerCase(java.util.Locale.ROOT));
    }
}
