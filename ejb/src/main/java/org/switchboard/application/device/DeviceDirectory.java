package org.switchboard.application.device;

import java.util.List;

/**
 * Where the portal reads a subscriber's registered phones: implemented by the SIP engine's location
 * service (sip-app depends on ejb, never the other way round).
 */
public interface DeviceDirectory {

    /** The unexpired bindings of an address-of-record {@code sip:user@domain}, as the registrar keeps them. */
    List<Device> registered(String aor);

    /** Removes the binding with this Contact URI from the address-of-record; false if it had none. */
    boolean unregister(String aor, String contact);

    /** Drops every binding of the address-of-record at once (a blocked account); how many there were. */
    int unregisterAll(String aor);

    /** Contacts registered now, over every address-of-record (the admin dashboard). */
    int registeredContacts();
}
