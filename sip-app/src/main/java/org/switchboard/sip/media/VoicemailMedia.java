package org.switchboard.sip.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The media of one call answered by the voicemail: plays the prompt, then records the caller until
 * they hang up, fall silent for the silence timeout, or reach the maximum length.
 *
 * <p>One task receives on the RTP and RTCP ports (a selector on both: RTCP on either port is
 * recognised and dropped, RFC 5761 section 4), the other plays the prompt. The caller's packets are
 * recorded only once the prompt (with its tone) has been played. Every valid RTP packet moves our
 * destination to its source (symmetric RTP, RFC 4961), so a caller behind NAT hears us; the prompt
 * waits up to half a second for that first packet, so its first words are not lost. Uses no container resource: the caller supplies the
 * threads (a managed executor in the server) and closes the ports.
 */
public final class VoicemailMedia implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VoicemailMedia.class.getName());
    private static final long SELECT_MILLIS = 20;
    /**
     * How long the prompt waits for the caller's first packet: behind NAT, what we send to the SDP's
     * address is lost, so the greeting starts once we know where the caller is, or after this.
     */
    private static final long LATCH_WAIT_MILLIS = 500;

    private final RtpPorts ports;
    private final MediaChoice choice;
    private final RecordingLimits limits;
    private final Prompt prompt;
    private final RtpSender sender;
    private final RtpRecorder recorder;
    private final CompletableFuture<MediaOutcome> outcome = new CompletableFuture<>();
    private final java.util.concurrent.CountDownLatch latched = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean hungUp;
    private volatile boolean closed;
    /** {@link System#nanoTime()} when recording began; 0 while the prompt plays. */
    private volatile long recordingSince;

    public VoicemailMedia(RtpPorts ports, MediaChoice choice, RecordingLimits limits, Prompt prompt) {
        this.ports = ports;
        this.choice = choice;
        this.limits = limits;
        this.prompt = prompt;
        this.sender = new RtpSender(ports.rtp(), choice.codec(), choice.remote());
        this.recorder = new RtpRecorder(limits.maxLength(), choice.telephoneEventPayloadType());
    }

    /**
     * Starts playing and receiving on two tasks of {@code executor}; the future completes once the
     * media has ended (the ports stay open until {@link #close()}).
     */
    public CompletableFuture<MediaOutcome> start(Executor executor) {
        executor.execute(this::receive);
        executor.execute(this::play);
        return outcome;
    }

    /** The caller's BYE: the recording ends now. */
    public void hangUp() {
        hungUp = true;
    }

    /** Where we send RTP now: the SDP's address until the caller's first packet, then its source. */
    public InetSocketAddress destination() {
        return sender.destination();
    }

    @Override
    public void close() {
        closed = true;
        ports.close();
    }

    private void play() {
        try {
            byte[] audio = prompt.encoded(choice.codec());
            if (audio.length > 0) {
                latched.await(LATCH_WAIT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            sender.play(audio, () -> hungUp || closed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "voicemail prompt could not be sent to " + sender.destination(), e);
            }
        } finally {
            recordingSince = System.nanoTime();
        }
    }

    private void receive() {
        MediaOutcome.Reason reason = MediaOutcome.Reason.CLOSED;
        try (Selector selector = Selector.open()) {
            for (DatagramChannel channel : new DatagramChannel[] {ports.rtp(), ports.rtcp()}) {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ);
            }
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            while (true) {
                selector.select(SELECT_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    SocketAddress source;
                    while ((source = receiveOne(channel, buffer)) != null) {
                        if (channel == ports.rtp()) {
                            onDatagram(buffer.flip(), (InetSocketAddress) source);
                        }
                    }
                }
                selector.selectedKeys().clear();
                Optional<MediaOutcome.Reason> end = endReason(System.nanoTime());
                if (end.isPresent()) {
                    reason = end.get();
                    break;
                }
            }
        } catch (ClosedChannelException e) {
            reason = hungUp ? MediaOutcome.Reason.CALLER_HUNG_UP : MediaOutcome.Reason.CLOSED;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "voicemail media on port " + ports.rtpPort() + " failed", e);
        }
        finish(reason);
    }

    private static SocketAddress receiveOne(DatagramChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        return channel.receive(buffer);
    }

    private void onDatagram(ByteBuffer datagram, InetSocketAddress source) {
        if (RtpPacket.isRtcp(datagram)) {
            return;
        }
        RtpPacket.parse(datagram).ifPresent(packet -> {
            sender.latch(source);
            latched.countDown();
            long since = recordingSince;
            if (since != 0) {
                recorder.accept(packet, System.nanoTime());
            }
        });
    }

    private Optional<MediaOutcome.Reason> endReason(long now) {
        if (hungUp) {
            return Optional.of(MediaOutcome.Reason.CALLER_HUNG_UP);
        }
        if (closed) {
            return Optional.of(MediaOutcome.Reason.CLOSED);
        }
        long since = recordingSince;
        if (since == 0) {
            return Optional.empty();
        }
        if (recorder.full() || now - since >= limits.maxLength().toNanos() + limits.silenceTimeout().toNanos()) {
            return Optional.of(MediaOutcome.Reason.MAX_LENGTH);
        }
        long lastVoice = Math.max(since, recorder.lastVoiceNanos());
        if (now - lastVoice >= limits.silenceTimeout().toNanos()) {
            return Optional.of(MediaOutcome.Reason.SILENCE);
        }
        return Optional.empty();
    }

    private void finish(MediaOutcome.Reason reason) {
        Optional<Recording> recording = Optional.empty();
        if (recorder.length().compareTo(limits.minLength()) >= 0) {
            recording = Optional.of(new Recording(WavWriter.wav(recorder.pcm()), recorder.length()));
        }
        outcome.complete(new MediaOutcome(reason, recording, recorder.statistics()));
    }
}
