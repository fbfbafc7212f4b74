package org.switchboard.sip.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The voicemail's media on real UDP sockets: a caller socket plays the phone. */
class VoicemailMediaTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final RtpPortAllocator PORTS = new RtpPortAllocator(41_200, 41_299);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        threads.shutdownNow();
    }

    @Test
    void playsThePromptToWhereTheCallerSendsFromThenRecordsUntilBye() throws Exception {
        DatagramSocket phone = socket();
        // The SDP names an address nobody listens on (a phone behind NAT): symmetric RTP must not use it.
        DatagramSocket sdpAddress = socket();
        VoicemailMedia media = media(new MediaChoice(0, G711.PCMU, OptionalInt.of(101),
                (InetSocketAddress) sdpAddress.getLocalSocketAddress()), limits(10, 120, 1), Prompt.ofPcm16(TestAudio.sine(800)));
        var outcome = media.start(threads);
        InetSocketAddress server = new InetSocketAddress(LOOPBACK, portOf(media));

        // The phone's first packet opens the way (and is not recorded: the prompt is still playing).
        send(phone, server, TestAudio.packets(G711.PCMU, 1, 9, 0, 555)[0]);
        List<RtpPacket> heard = receive(phone, 5);
        assertEquals(5, heard.size(), "the 0.1 s prompt in 20 ms packets reaches the phone's own address");
        assertTrue(heard.get(0).marker(), "talkspurt starts with the marker bit");
        for (int i = 0; i < heard.size(); i++) {
            RtpPacket packet = heard.get(i);
            assertEquals(0, packet.payloadType());
            assertEquals(160, packet.payload().length);
            assertEquals(heard.get(0).ssrc(), packet.ssrc());
            assertEquals((heard.get(0).sequence() + i) & 0xFFFF, packet.sequence());
            assertEquals((heard.get(0).timestamp() + 160L * i) & 0xFFFFFFFFL, packet.timestamp());
            if (i > 0) {
                assertTrue(!packet.marker());
            }
        }
        Thread.sleep(100);  // the prompt is over: recording from here

        RtpPacket[] message = TestAudio.packets(G711.PCMU, 75, 10, 160, 555);    // 1.5 s
        for (RtpPacket packet : message) {
            send(phone, server, packet);
        }
        // RTCP on the RTP port (RFC 5761) and on the next port is no audio.
        byte[] receiverReport = {(byte) 0x80, (byte) 201, 0, 1, 0, 0, 0x02, 0x2B};
        phone.send(new DatagramPacket(receiverReport, receiverReport.length, server));
        phone.send(new DatagramPacket(receiverReport, receiverReport.length, new InetSocketAddress(LOOPBACK, server.getPort() + 1)));
        send(phone, server, new RtpPacket(true, 101, 85, 12_160, 555, new byte[] {5, 10, 0, (byte) 160}));
        Thread.sleep(200);
        media.hangUp();

        MediaOutcome result = outcome.get(5, TimeUnit.SECONDS);
        assertEquals(MediaOutcome.Reason.CALLER_HUNG_UP, result.reason());
        Recording recording = result.recording().orElseThrow();
        assertEquals(Duration.ofMillis(1500), recording.length());
        assertEquals(75, result.statistics().packets());
        assertEquals(1, result.statistics().telephoneEvents());
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(new ByteArrayInputStream(recording.wav()))) {
            assertEquals(12_000, wav.getFrameLength());
            byte[] pcm = wav.readAllBytes();
            assertTrue(TestAudio.peak(pcm, 0, 12_000) > 10_000, "the caller's tone is in the WAV");
        }
        assertEquals(phone.getLocalSocketAddress(), media.destination());
        sdpAddress.setSoTimeout(50);
        assertTrue(receiveOrNull(sdpAddress) == null, "nothing went to the SDP's address once the phone had sent");
    }

    @Test
    void endsItselfAfterTheSilenceTimeout() throws Exception {
        Call call = callWithoutPrompt(limits(1, 120, 1));
        long started = System.nanoTime();
        for (RtpPacket packet : TestAudio.packets(G711.PCMA, 60, 1, 0, 1)) {    // 1.2 s, sent at once
            send(call.phone(), call.server(), packet);
        }
        // Then only silence: packets keep coming, but with no voice in them.
        for (int i = 0; i < 40; i++) {
            send(call.phone(), call.server(), new RtpPacket(false, 8, 61 + i, 9_600 + 160L * i, 1, G711.PCMA.fromPcm16(new byte[320])));
            Thread.sleep(20);
            if (call.outcome().isDone()) {
                break;
            }
        }
        MediaOutcome result = call.outcome().get(5, TimeUnit.SECONDS);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(MediaOutcome.Reason.SILENCE, result.reason());
        assertTrue(tookMillis >= 900 && tookMillis < 3000, "ended about 1 s after the last voice: " + tookMillis + " ms");
        assertTrue(result.recording().isPresent());
    }

    @Test
    void aRecordingShorterThanTheMinimumIsDropped() throws Exception {
        Call call = callWithoutPrompt(limits(10, 120, 1));
        for (RtpPacket packet : TestAudio.packets(G711.PCMA, 40, 1, 0, 1)) {    // 0.8 s
            send(call.phone(), call.server(), packet);
        }
        Thread.sleep(100);
        call.media().hangUp();
        MediaOutcome result = call.outcome().get(5, TimeUnit.SECONDS);
        assertEquals(MediaOutcome.Reason.CALLER_HUNG_UP, result.reason());
        assertEquals(40, result.statistics().packets());
        assertTrue(result.recording().isEmpty(), "0.8 s is under the 1 s minimum");
    }

    @Test
    void stopsAtTheMaximumLength() throws Exception {
        Call call = callWithoutPrompt(limits(10, 1, 0));
        for (RtpPacket packet : TestAudio.packets(G711.PCMA, 60, 1, 0, 1)) {
            send(call.phone(), call.server(), packet);
        }
        MediaOutcome result = call.outcome().get(5, TimeUnit.SECONDS);
        assertEquals(MediaOutcome.Reason.MAX_LENGTH, result.reason());
        assertEquals(Duration.ofSeconds(1), result.recording().orElseThrow().length());
    }

    private record Call(DatagramSocket phone, VoicemailMedia media,
                        java.util.concurrent.CompletableFuture<MediaOutcome> outcome, InetSocketAddress server) {
    }

    /** A PCMA call whose SDP names the phone's socket, recording at once (no prompt). */
    private Call callWithoutPrompt(RecordingLimits limits) throws Exception {
        DatagramSocket phone = socket();
        VoicemailMedia media = media(new MediaChoice(0, G711.PCMA, OptionalInt.empty(),
                (InetSocketAddress) phone.getLocalSocketAddress()), limits, Prompt.ofPcm16(new byte[0]));
        var outcome = media.start(threads);
        Thread.sleep(50);
        return new Call(phone, media, outcome, new InetSocketAddress(LOOPBACK, portOf(media)));
    }

    private VoicemailMedia media(MediaChoice choice, RecordingLimits limits, Prompt prompt) {
        RtpPorts ports = PORTS.allocate(LOOPBACK);
        VoicemailMedia media = new VoicemailMedia(ports, choice, limits, prompt);
        open.add(media);
        mediaPorts.put(media, ports.rtpPort());
        return media;
    }

    private final java.util.Map<VoicemailMedia, Integer> mediaPorts = new java.util.HashMap<>();

    private int portOf(VoicemailMedia media) {
        return mediaPorts.get(media);
    }

    private static RecordingLimits limits(int silenceSeconds, int maxSeconds, int minSeconds) {
        return new RecordingLimits(Duration.ofSeconds(silenceSeconds), Duration.ofSeconds(maxSeconds), Duration.ofSeconds(minSeconds));
    }

    private DatagramSocket socket() throws Exception {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        open.add(socket);
        return socket;
    }

    private static void send(DatagramSocket from, InetSocketAddress to, RtpPacket packet) throws Exception {
        ByteBuffer bytes = packet.encode();
        from.send(new DatagramPacket(bytes.array(), bytes.limit(), to));
    }

    private static List<RtpPacket> receive(DatagramSocket socket, int count) throws Exception {
        socket.setSoTimeout(2000);
        List<RtpPacket> packets = new ArrayList<>();
        while (packets.size() < count) {
            DatagramPacket datagram = receiveOrNull(socket);
            if (datagram == null) {
                break;
            }
            RtpPacket.parse(ByteBuffer.wrap(datagram.getData(), 0, datagram.getLength())).ifPresent(packets::add);
        }
        return packets;
    }

    private static DatagramPacket receiveOrNull(DatagramSocket socket) throws Exception {
        DatagramPacket datagram = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(datagram);
            return datagram;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
