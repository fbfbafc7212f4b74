package org.switchboard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** SIPp (Debian package sip-tester) running a scenario from src/test/resources/sipp against the server. */
final class Sipp {

    private Sipp() {
    }

    /**
     * Runs {@code scenario} for each line of {@code injection} (one call each) over UDP ("u1") or
     * TCP ("t1"); the result's exit code is 0 when every call succeeded.
     */
    static ExternalPeer.Result run(String scenario, String transport, List<String> injection) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "sipp");
        Path csv = dir.resolve("users.csv");
        List<String> lines = new ArrayList<>();
        lines.add("SEQUENTIAL");
        lines.addAll(injection);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        Path xml = Path.of(System.getProperty("switchboard.root"), "ear/src/test/resources/sipp", scenario);
        return ExternalPeer.run(dir, 60, List.of("sipp", RawSip.HOST + ":" + RawSip.port(),
                "-sf", xml.toString(), "-inf", csv.toString(), "-t", transport, "-m", Integer.toString(injection.size()),
                "-i", RawSip.HOST, "-p", "0", "-nostdin", "-trace_err", "-timeout", "30s", "-timeout_error"));
    }

    /** An injection line: the user and SIPp's authentication keyword with the password. */
    static String user(String user, String password) {
        return user + ";[authentication username=" + user + " password=" + password + "]";
    }
}
