package org.switchboard.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real softphone: Debian's baresip (1.0), one account, driven over its ctrl_tcp module (commands
 * and events as JSON in netstrings). It registers through the service's SIP port on the given
 * transport as soon as it starts, answers calls automatically and sends a sine tone (opus, since
 * the sine source only does 48 kHz), or another source with another codec (a WAV file over G.711).
 * Closing it unregisters (baresip does on SIGTERM).
 */
final class BaresipPhone implements AutoCloseable {

    private static final Pattern EVENT_TYPE = Pattern.compile("\"type\":\"(\\w+)\"");

    private final String user;
    private final Process process;
    private final Path dir;
    private final Socket control;
    private final List<String> events = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    /** Everything read from the control connection, for command responses. */
    private final StringBuilder transcript = new StringBuilder();

    /**
     * @param sipPort its SIP port; baresip also takes the next one for TLS
     * @param transport "udp" or "tcp", towards the service
     */
    BaresipPhone(String user, String password, int sipPort, int controlPort, String transport) throws IOException {
        this(user, password, sipPort, controlPort, transport, "opus.so", "ausine,440");
    }

    /**
     * @param codec the one codec module it loads (e.g. "opus.so", "g711.so": PCMU and PCMA)
     * @param audioSource what it sends, e.g. "ausine,440" or "aufile,/path/to/8kHz.wav"
     */
    BaresipPhone(String user, String password, int sipPort, int controlPort, String transport, String codec, String audioSource)
            throws IOException {
        ExternalPeer.assumeInstalled("baresip");
        this.user = user;
        // Its own config folder under target/ (the ear module's), kept after the run with its log.
        Path phones = Files.createDirectories(Path.of("target", "baresip").toAbsolutePath());
        dir = Files.createTempDirectory(phones, user + "-" + sipPort + "-");
        Files.writeString(dir.resolve("config"), String.join("\n",
                "poll_method poll",
                "sip_listen 0.0.0.0:" + sipPort,
                "module_path /usr/lib/baresip/modules",
                "module stdio.so",
                "module " + codec,
                "module ausine.so",
                "module aufile.so",
                "module_app account.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + controlPort,
                "audio_source " + audioSource,
                "audio_player aufile,/dev/null",
                "audio_alert aufile,/dev/null",
                ""));
        Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@localhost;transport=" + transport + ">;auth_pass="
                + password + ";outbound=\"sip:" + RawSip.HOST + ":" + RawSip.port() + ";transport=" + transport
                + "\";regint=600;answermode=auto\n");
        process = new ProcessBuilder("baresip", "-f", dir.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("baresip.log").toFile()).start();
        control = connect(controlPort);
    }

    private Socket connect(int port) throws IOException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress(RawSip.HOST, port), 1000);
                return socket;
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline || !process.isAlive()) {
                    throw new IOException("baresip's control port " + port + " did not open:\n" + log(), e);
                }
                sleep(100);
            }
        }
    }

    /** Sends a command, e.g. ("dial", "sip:bob@localhost"). */
    void command(String name, String params) throws IOException {
        String json = "{\"command\":\"" + name + "\",\"params\":\"" + params + "\",\"token\":\"" + name + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        control.getOutputStream().write((body.length + ":" + json + ",").getBytes(StandardCharsets.UTF_8));
        control.getOutputStream().flush();
    }

    /**
     * Waits until its registration is up, asking with "reginfo" (its REGISTER_OK event may come
     * before the control connection does).
     */
    void awaitRegistered(int seconds) throws IOException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            int from = transcript.length();
            command("reginfo", "");
            long answerBy = System.currentTimeMillis() + 2000;
            while (transcript.indexOf("\"token\":\"reginfo\"", from) < 0 && System.currentTimeMillis() < answerBy) {
                readSome(200);
            }
            String answer = transcript.substring(from);
            if (answer.contains("32mOK")) { // "OK" in green; failures read ERR
                return;
            }
            sleep(300);
        }
        throw new AssertionError(user + "'s baresip did not register in " + seconds + " s:\n" + log());
    }

    /** Waits for an event of this type (e.g. REGISTER_OK, CALL_ESTABLISHED); fails with what came instead. */
    void await(String type, int seconds) throws IOException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        int seen = 0;
        while (System.currentTimeMillis() < deadline) {
            for (; seen < events.size(); seen++) {
                if (events.get(seen).equals(type)) {
                    events.remove(seen); // only this one: events may come in another order than awaited
                    return;
                }
            }
            readSome((int) Math.max(1, Math.min(500, deadline - System.currentTimeMillis())));
        }
        throw new AssertionError(user + "'s baresip: no " + type + " in " + seconds + " s; events " + events + "\n" + log());
    }

    private void readSome(int timeoutMillis) throws IOException {
        control.setSoTimeout(timeoutMillis);
        byte[] buffer = new byte[8192];
        InputStream in = control.getInputStream();
        try {
            int n = in.read(buffer);
            if (n < 0) {
                throw new IOException(user + "'s baresip closed its control connection:\n" + log());
            }
            String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
            pending.append(text);
            transcript.append(text);
        } catch (SocketTimeoutException e) {
            return;
        }
        Matcher m = EVENT_TYPE.matcher(pending);
        int end = 0;
        while (m.find()) {
            events.add(m.group(1));
            end = m.end();
        }
        pending.delete(0, end);
    }

    String log() {
        try {
            return Files.readString(dir.resolve("baresip.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Quits baresip (SIGTERM: it unregisters first) and waits for it. */
    @Override
    public void close() throws IOException {
        control.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
