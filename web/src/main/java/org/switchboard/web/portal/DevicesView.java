package org.switchboard.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.switchboard.application.device.Device;
import org.switchboard.application.device.Devices;
import org.switchboard.web.security.CurrentLogin;

/** Devices: the phones registered now for the subscriber's SIP address. */
@Named
@RequestScoped
public class DevicesView {

    @Inject
    Devices devices;

    @Inject
    CurrentLogin login;

    private List<Device> registered;

    public List<Device> getRegistered() {
        if (registered == null) {
            registered = devices.registered(login.name());
        }
        return registered;
    }

    /** The contact comes from the row (server side); the service only looks in the login's own bindings. */
    public void unregister(String contact) {
        if (devices.unregister(login.name(), contact)) {
            Notices.info("Device unregistered. A phone that registers again comes back.");
        } else {
            Notices.error("That device is no longer registered.");
        }
        registered = null;
    }

    public String expiresIn(Device device) {
        long seconds = Math.max(0, Duration.between(Instant.now(), device.expiresAt()).getSeconds());
        return seconds / 60 + " min " + seconds % 60 + " s";
    }
}
