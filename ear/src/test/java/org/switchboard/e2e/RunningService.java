package org.switchboard.e2e;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the service once for all end-to-end classes (it takes a minute) with the run command,
 * and stops it when the test run ends if {@link StopServiceIT} has not already done so.
 * Use with {@code @ExtendWith(RunningService.class)}, then {@link #command()}.
 */
public final class RunningService implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RunningService.class);
    private static volatile RunCommand command;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NS).getOrComputeIfAbsent(RunningService.class, key -> start(), Handle.class);
    }

    private static Handle start() {
        try {
            Path root = Path.of(System.getProperty("switchboard.root")).toRealPath();
            Path var = Path.of(System.getProperty("switchboard.e2e.var"));
            // Every run starts from nothing, as on a fresh clone: Keycloak imports the realm as it is now.
            deleteTree(var);
            int offset = Integer.getInteger("switchboard.test.port-offset");
            int keycloakPort = Integer.getInteger("switchboard.e2e.keycloak-port");
            RunCommand started = RunCommand.start(root, var, offset, keycloakPort);
            command = started;
            try {
                // Keycloak's first start alone takes minutes on a loaded machine: -Dswitchboard.e2e.start-minutes waits longer.
                started.awaitReady(Duration.ofMinutes(Integer.getInteger("switchboard.e2e.start-minutes", 5)));
            } catch (Exception | AssertionError notReady) {
                // Stop what did start (its servers run in their own sessions and would outlive the tests).
                started.close();
                throw notReady;
            }
            return new Handle(started);
        } catch (Exception e) {
            throw new IllegalStateException("the run command did not start the service", e);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    /** Kills WildFly with SIGKILL, as a crash would; the run command exits after it. */
    static synchronized void crash() throws Exception {
        command().killWildFlyHard(Path.of(System.getProperty("switchboard.e2e.var")), Duration.ofSeconds(90));
    }

    /**
     * Starts the service again on the same data (var/ and the database) after {@link #crash()};
     * {@link #command()} is the new one from then on.
     */
    static synchronized void restart() throws Exception {
        Path root = Path.of(System.getProperty("switchboard.root")).toRealPath();
        Path var = Path.of(System.getProperty("switchboard.e2e.var"));
        RunCommand started = RunCommand.start(root, var, Integer.getInteger("switchboard.test.port-offset"),
                Integer.getInteger("switchboard.e2e.keycloak-port"), false);
        command = started;
        started.awaitReady(Duration.ofMinutes(5));
    }

    static RunCommand command() {
        if (command == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(RunningService.class)");
        }
        return command;
    }

    /** The portal's base URL, ending in a slash. */
    static String portal() {
        return "http://localhost:" + command().httpPort + "/";
    }

    record Handle(RunCommand command) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            command.close();
            RunCommand current = RunningService.command;
            if (current != null && current != command) {
                current.close(); // started again by crashAndRestart
            }
        }
    }
}
