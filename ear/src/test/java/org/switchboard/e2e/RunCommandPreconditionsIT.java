package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The run command refuses to start, quickly and saying why, when it can't work: a port it needs
 * is taken, or the PostgreSQL it is told to use does not answer. Nothing is left running.
 */
// First: it needs the test ports free, before RunningService starts the shared service.
@Order(1)
class RunCommandPreconditionsIT {

    private static final int OFFSET = Integer.getInteger("switchboard.test.port-offset");
    private static final int KEYCLOAK_PORT = Integer.getInteger("switchboard.e2e.keycloak-port");

    record Outcome(int exit, String output) {}

    private static Outcome run(Map<String, String> env) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("switchboard.root")).toRealPath();
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("wildfly-config/bin/run.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true);
        builder.environment().put("SWITCHBOARD_SKIP_BUILD", "1");
        builder.environment().put("SWITCHBOARD_VAR", System.getProperty("switchboard.e2e.var") + "-preconditions");
        builder.environment().put("SWITCHBOARD_PORT_OFFSET", Integer.toString(OFFSET));
        builder.environment().put("SWITCHBOARD_KEYCLOAK_PORT", Integer.toString(KEYCLOAK_PORT));
        builder.environment().putAll(env);
        Process process = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            in.transferTo(out);
        }
        // Failing fast means seconds, not the minute a server takes to start.
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "run.sh still running");
        return new Outcome(process.exitValue(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTakenPortIsNamedAndNothingStarts() throws Exception {
        int portalPort = 8080 + OFFSET;
        try (ServerSocket squatter = new ServerSocket(portalPort, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run(Map.of());
            assertNotEquals(0, outcome.exit());
            assertTrue(outcome.output().contains("port " + portalPort + " is already in use"), outcome.output());
            assertFalse(outcome.output().contains("starting Keycloak"), outcome.output());
        }
        assertFalse(RunCommand.listening(KEYCLOAK_PORT), "Keycloak was started anyway");
    }

    @Test
    void anUnreachableDatabaseIsNamedAndNothingStarts() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        Outcome outcome = run(Map.of(
                "SWITCHBOARD_DB", "postgresql",
                "SWITCHBOARD_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/switchboard"));
        assertNotEquals(0, outcome.exit());
        assertTrue(outcome.output().contains("cannot reach PostgreSQL at 127.0.0.1:" + closedPort), outcome.output());
        assertFalse(outcome.output().contains("starting Keycloak"), outcome.output());
    }
}
