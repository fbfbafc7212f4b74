package org.switchboard.application.device;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the registrar's Infinispan cache {@code switchboard/location} (switchboard.cli) directly.
 * Its values are sip-app's records (AorBindings holding Binding records), which this module can't
 * name: they are read as records, by component name ({@code bindings}, then {@code contactUri},
 * {@code sourceHost}, {@code sourcePort}, {@code transport}, {@code q}, {@code expiresAt},
 * {@code userAgent}). If sip-app renames them, the devices list comes back empty and a warning is
 * logged. Unregistering replaces the entry the way the registrar does, atomically per key
 * ({@code compute}), with a new AorBindings made by its record constructor, or removes it when no
 * binding is left.
 */
@ApplicationScoped
public class LocationCacheDevices implements DeviceDirectory {

    private static final Logger LOG = Logger.getLogger(LocationCacheDevices.class.getName());

    @Resource(lookup = "java:jboss/infinispan/cache/switchboard/location")
    ConcurrentMap<String, Object> cache;

    @Override
    public List<Device> registered(String aor) {
        Object stored = cache.get(aor);
        if (stored == null) {
            return List.of();
        }
        try {
            Instant now = Instant.now();
            List<Device> devices = new ArrayList<>();
            for (Object binding : (List<?>) component(stored, "bindings")) {
                Map<String, Object> b = components(binding);
                Instant expiresAt = (Instant) b.get("expiresAt");
                if (expiresAt.isAfter(now)) {
                    devices.add(new Device((String) b.get("contactUri"), (String) b.get("userAgent"),
                            b.get("sourceHost") + ":" + b.get("sourcePort"), (String) b.get("transport"), expiresAt,
                            (Float) b.get("q")));
                }
            }
            return devices;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "The location cache's entries are not the bindings this reader knows", e);
            return List.of();
        }
    }

    @Override
    public boolean unregister(String aor, String contact) {
        boolean[] removed = {false};
        try {
            cache.computeIfPresent(aor, (key, stored) -> {
                try {
                    List<?> bindings = (List<?>) component(stored, "bindings");
                    List<Object> kept = new ArrayList<>();
                    for (Object binding : bindings) {
                        if (contact.equals(components(binding).get("contactUri"))) {
                            removed[0] = true;
                        } else {
                            kept.add(binding);
                        }
                    }
                    if (kept.isEmpty()) {
                        return null;
                    }
                    var constructor = stored.getClass().getDeclaredConstructor(List.class);
                    constructor.setAccessible(true);
                    return constructor.newInstance(kept);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not unregister a device from the location cache", e);
            return false;
        }
        return removed[0];
    }

    private static Object component(Object record, String name) throws ReflectiveOperationException {
        Object value = components(record).get(name);
        if (value == null) {
            throw new NoSuchFieldException(name);
        }
        return value;
    }

    private static Map<String, Object> components(Object record) throws ReflectiveOperationException {
        RecordComponent[] parts = record.getClass().getRecordComponents();
        if (parts == null) {
            throw new ClassCastException(record.getClass() + " is not a record");
        }
        Map<String, Object> values = new java.util.HashMap<>();
        for (RecordComponent part : parts) {
            var accessor = part.getAccessor();
            accessor.setAccessible(true);
            values.put(part.getName(), accessor.invoke(record));
        }
        return values;
    }
}
