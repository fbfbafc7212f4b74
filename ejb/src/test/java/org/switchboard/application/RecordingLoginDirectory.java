package org.switchboard.application;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.switchboard.application.account.LoginDirectory;
import org.switchboard.application.account.LoginDirectoryException;

/**
 * Stands in for Keycloak in the Arquillian tests (the end-to-end test uses the real one): records the
 * logins deleted, and can be told to fail, as an unreachable Keycloak would, to interrupt a deletion.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class RecordingLoginDirectory implements LoginDirectory {

    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final List<String> enabledChanges = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failuresToCome = new ConcurrentHashMap<>();

    @Override
    public void deleteLogin(String login) {
        if (failuresToCome.getOrDefault(login, 0) > 0) {
            failuresToCome.merge(login, -1, Integer::sum);
            throw new LoginDirectoryException("Keycloak could not be reached (simulated)");
        }
        deleted.add(login);
    }

    @Override
    public void setEnabled(String login, boolean enabled) {
        enabledChanges.add(login + (enabled ? " enabled" : " disabled"));
    }

    /** "bob disabled", "bob enabled", in the order they were asked for. */
    public List<String> enabledChanges() {
        return List.copyOf(enabledChanges);
    }

    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    /** The next {@code times} deletions of this login fail (other logins are not affected). */
    public void failFor(String login, int times) {
        failuresToCome.put(login, times);
    }
}
