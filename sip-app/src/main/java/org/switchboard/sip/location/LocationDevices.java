package org.switchboard.sip.location;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.application.device.Device;
import org.switchboard.application.device.DeviceDirectory;

/**
 * The portal's and the console's view of the location service: a subscriber's phones registered
 * now, and "unregister this device", which changes the bindings the way a REGISTER with Expires 0
 * would (atomically per address-of-record).
 */
@ApplicationScoped
public class LocationDevices implements DeviceDirectory {

    @Inject
    LocationService location;

    @Override
    public List<Device> registered(String aor) {
        List<Device> devices = new ArrayList<>();
        for (Binding binding : location.lookup(aor)) {
            devices.add(new Device(binding.contactUri(), binding.userAgent(),
                    binding.sourceHost() + ":" + binding.sourcePort(), binding.transport(), binding.expiresAt(), binding.q()));
        }
        return devices;
    }

    @Override
    public boolean unregister(String aor, String contact) {
        boolean[] removed = {false};
        location.update(aor, current -> {
            List<Binding> kept = new ArrayList<>();
            for (Binding binding : current) {
                if (binding.contactUri().equals(contact)) {
                    removed[0] = true;
                } else {
                    kept.add(binding);
                }
            }
            return kept;
        });
        return removed[0];
    }

    @Override
    public int unregisterAll(String aor) {
        int[] dropped = {0};
        location.update(aor, current -> {
            dropped[0] = current.size();
            return List.of();
        });
        return dropped[0];
    }

    @Override
    public int registeredContacts() {
        return location.currentBindingCount();
    }
}
