package org.switchboard.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command (wildfly-config/bin/run.sh), started as a newcomer starts it but with
 * test ports and a data folder under target/, and the EAR this build just packaged.
 */
final class RunCommand implements AutoCloseable {

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch ready = new CountDownLatch(1);
    final int httpPort;
    final int keycloakPort;

    private RunCommand(Process process, int httpPort, int keycloakPort) {
        this.process = process;
        this.httpPort = httpPort;
        this.keycloakPort = keycloakPort;
        Thread reader = new Thread(this::readOutput, "run-command-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The database the service under test runs on: PostgreSQL when the tests have one
     * (SWITCHBOARD_TEST_PG_URL, as in CI), else the default H2 file.
     */
    static String database() {
        String pg = System.getenv("SWITCHBOARD_TEST_PG_URL");
        return pg == null || pg.isBlank() ? "h2" : "postgresql";
    }

    static RunCommand start(Path root, Path var, int portOffset, int keycloakPort) throws IOException {
        return start(root, var, portOffset, keycloakPort, true);
    }

    /**
     * {@code fresh}: the PostgreSQL schema is emptied first (a fresh start); false starts again on
     * what a previous service left in {@code var} and in the database (after a crash).
     */
    static RunCommand start(Path root, Path var, int portOffset, int keycloakPort, boolean fresh) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("wildfly-config/bin/run.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().put("SWITCHBOARD_SKIP_BUILD", "1");
        builder.environment().put("SWITCHBOARD_VAR", var.toString());
        builder.environment().put("SWITCHBOARD_PORT_OFFSET", Integer.toString(portOffset));
        builder.environment().put("SWITCHBOARD_KEYCLOAK_PORT", Integer.toString(keycloakPort));
        // Settings the tests need over the defaults (a Timer C short enough to wait for).
        builder.environment().put("SWITCHBOARD_PROPERTIES", root.resolve("ear/src/test/resources/e2e.properties").toString());
        if (database().equals("postgresql")) {
            // From nothing, like the H2 file under a fresh var/: other modules' tests share this database.
            if (fresh) {
                ServiceDatabase.emptySchema();
            }
            builder.environment().put("SWITCHBOARD_DB", "postgresql");
            builder.environment().put("SWITCHBOARD_DB_URL", System.getenv("SWITCHBOARD_TEST_PG_URL"));
        } else {
            // The H2 file as the run command would use it, opened so that a test can read it while
            // WildFly holds it (DataPolicyIT checks that no REGISTER was ever stored).
            builder.environment().put("SWITCHBOARD_DB_URL", h2Url(var));
        }
        return new RunCommand(builder.start(), 8080 + portOffset, keycloakPort);
    }

    /** JDBC URL of the service's H2 database under {@code var}, shared with other processes. */
    static String h2Url(Path var) {
        return "jdbc:h2:file:" + var.resolve("data/db/switchboard") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("[run.sh] " + line);
                output.add(line);
                if (line.contains("[switchboard] ready")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the "ready" line; fails with what the command printed if it exits or times out. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ready.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("run.sh exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
        }
        throw new AssertionError("run.sh not ready after " + timeout + ":\n" + String.join("\n", output));
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Stops it as Ctrl-C would (the script traps INT and TERM alike) and waits for it to finish. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run.sh did not stop within " + timeout);
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills this service's WildFly with SIGKILL, as a crash would (no shutdown hook, nothing
     * flushed): the java process whose command line names this service's {@code var} folder, found
     * by its pid. The run command then notices and stops Keycloak; this waits for that.
     */
    void killWildFlyHard(Path var, Duration timeout) throws InterruptedException {
        String base = var.toAbsolutePath().toString();
        List<ProcessHandle> wildfly = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules") && c.contains(base)).orElse(false))
                .toList();
        if (wildfly.size() != 1) {
            throw new AssertionError("expected one WildFly of " + base + ", found " + wildfly.size());
        }
        wildfly.get(0).destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("run.sh did not exit within " + timeout + " after WildFly was killed");
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(90));
        }
    }
}
