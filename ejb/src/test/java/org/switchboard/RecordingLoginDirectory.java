package org.switchboard;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.account.LoginDirectory;
import org.switchboard.account.LoginDirectoryException;

/**
 * Stands in for Keycloak in the Arquillian tests (the end-to-end test uses the real one): records the
 * logins deleted, and can be told to fail, as an unreachable Keycloak would, to interrupt a deletion.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class RecordingLoginDirectory implements LoginDirectory {

    private final List<String> deleted = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToCome = new AtomicInteger();

    @Override
    public void deleteLogin(String login) {
        if (failuresToCome.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new LoginDirectoryException("Keycloak could not be reached (simulated)");
        }
        deleted.add(login);
    }

    public List<String> deleted() {
        return List.copyOf(deleted);
    }

    public void failNext(int times) {
        failuresToCome.set(times);
    }
}
