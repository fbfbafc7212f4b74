package org.switchboard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real SIP peer from Debian (sipsak, sipp) with a time limit, capturing what it printed. */
final class ExternalPeer {

    record Result(int exitCode, String output) {
    }

    private ExternalPeer() {
    }

    /** Debian package of each peer, for the skip message. */
    private static final java.util.Map<String, String> PACKAGES = java.util.Map.of(
            "sipp", "sip-tester", "sipsak", "sipsak", "baresip", "baresip-core", "svcrack", "sipvicious", "svwar", "sipvicious", "openssl", "openssl");

    /**
     * Skips the calling test, saying what to install, when a SIP peer is not on the PATH: the test
     * command must also run on a machine with only Java and Maven. CI (.ci/run) installs them all,
     * so there these tests always run.
     */
    static void assumeInstalled(String tool) {
        boolean found = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, tool)));
        org.junit.jupiter.api.Assumptions.assumeTrue(found,
                tool + " is not installed: apt-get install " + PACKAGES.getOrDefault(tool, tool) + " (as .ci/run does)");
    }

    static Result run(Path workDir, int timeoutSeconds, List<String> command) throws IOException, InterruptedException {
        assumeInstalled(command.get(0));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output;
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s:\n"
                    + new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        output = process.getInputStream().readAllBytes();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Result run(int timeoutSeconds, String... command) throws IOException, InterruptedException {
        return run(null, timeoutSeconds, List.of(command));
    }
}
