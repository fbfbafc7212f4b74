package org.switchboard.sip.media;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The parts of an SDP offer (RFC 4566) the voicemail needs: each media line, its connection
 * address (media-level c= over session-level) and its formats with their rtpmap names. Everything
 * else (bandwidth, ICE, crypto...) is not read. {@link #choose()} picks the codec per RFC 3264
 * section 6.1: the first format of the first audio stream, in the offerer's order, that we have.
 */
public final class SdpOffer {

    /** One m= line. */
    public record MediaLine(String media, int port, String protocol, List<Integer> formats,
                            Map<Integer, String> rtpmap, String address) {

        /** The rtpmap name of a format ("telephone-event/8000"), lower case, or empty. */
        String encoding(int format) {
            return rtpmap.getOrDefault(format, "");
        }
    }

    private final List<MediaLine> media;

    private SdpOffer(List<MediaLine> media) {
        this.media = List.copyOf(media);
    }

    /** Reads an SDP body; lines it does not need are skipped, a malformed m= line fails. */
    public static SdpOffer parse(String sdp) {
        String sessionAddress = null;
        List<String[]> lines = new ArrayList<>();
        List<MediaLine> media = new ArrayList<>();
        String mediaAddress = null;
        Map<Integer, String> rtpmap = new HashMap<>();
        String[] current = null;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (current != null) {
                    media.add(mediaLine(current, rtpmap, mediaAddress != null ? mediaAddress : sessionAddress));
                }
                current = line.substring(2).trim().split("\\s+");
                rtpmap = new HashMap<>();
                mediaAddress = null;
            } else if (line.startsWith("c=")) {
                String address = connectionAddress(line);
                if (current == null) {
                    sessionAddress = address;
                } else {
                    mediaAddress = address;
                }
            } else if (line.startsWith("a=rtpmap:") && current != null) {
                String[] parts = line.substring("a=rtpmap:".length()).trim().split("\\s+", 2);
                if (parts.length == 2) {
                    try {
                        rtpmap.put(Integer.parseInt(parts[0]), parts[1].trim().toLowerCase(Locale.ROOT));
                    } catch (NumberFormatException e) {
                        // an rtpmap we cannot read names no format we could use
                    }
                }
            }
        }
        if (current != null) {
            media.add(mediaLine(current, rtpmap, mediaAddress != null ? mediaAddress : sessionAddress));
        }
        return new SdpOffer(media);
    }

    private static String connectionAddress(String line) {
        String[] parts = line.substring(2).trim().split("\\s+");
        if (parts.length < 3) {
            throw new IllegalArgumentException("SDP connection line without an address: " + line);
        }
        return parts[2].split("/")[0];
    }

    private static MediaLine mediaLine(String[] fields, Map<Integer, String> rtpmap, String address) {
        if (fields.length < 4) {
            throw new IllegalArgumentException("SDP media line with fewer than four fields: m=" + String.join(" ", fields));
        }
        int port;
        try {
            port = Integer.parseInt(fields[1].split("/")[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SDP media line with a port that is not a number: " + fields[1]);
        }
        List<Integer> formats = new ArrayList<>();
        for (int i = 3; i < fields.length; i++) {
            try {
                formats.add(Integer.parseInt(fields[i]));
            } catch (NumberFormatException e) {
                // not an RTP payload type (e.g. a non-RTP protocol's format): not ours
            }
        }
        return new MediaLine(fields[0], port, fields[2], formats, rtpmap, address);
    }

    public List<MediaLine> media() {
        return media;
    }

    /**
     * The stream we answer: the first audio line over RTP/AVP with a port and an address, and in it
     * PCMU or PCMA (static payload types 0 and 8, RFC 3551), whichever the offer lists first, and its
     * telephone-event format (RFC 4733) if any. Empty when the offer has none: the call gets 488.
     */
    public Optional<MediaChoice> choose() {
        for (int index = 0; index < media.size(); index++) {
            MediaLine line = media.get(index);
            if (!line.media().equals("audio") || line.port() == 0 || line.address() == null
                    || !line.protocol().startsWith("RTP/AVP")) {
                continue;
            }
            OptionalInt events = OptionalInt.empty();
            for (int format : line.formats()) {
                if (line.encoding(format).startsWith("telephone-event/8000")) {
                    events = OptionalInt.of(format);
                    break;
                }
            }
            for (int format : line.formats()) {
                Optional<G711> codec = G711.ofPayloadType(format);
                String name = line.encoding(format);
                if (codec.isPresent() && (name.isEmpty() || name.startsWith(codec.get().encodingName().toLowerCase(Locale.ROOT) + "/8000"))) {
                    return Optional.of(new MediaChoice(index, codec.get(), events,
                            new InetSocketAddress(line.address(), line.port())));
                }
            }
        }
        return Optional.empty();
    }
}
