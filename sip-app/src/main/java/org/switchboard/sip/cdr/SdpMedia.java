package org.switchboard.sip.cdr;

/**
 * The media address of an SDP body (RFC 4566) as a CDR keeps it: the connection address (c=)
 * and the port of the first media line (m=), "ip:port". Only these two lines are read; a body
 * that is not SDP, or lacks them, gives null.
 */
final class SdpMedia {

    private SdpMedia() {
    }

    static String of(String sdp) {
        if (sdp == null || sdp.isEmpty()) {
            return null;
        }
        String sessionAddress = null;
        String mediaAddress = null;
        String port = null;
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("c=")) {
                String[] parts = line.substring(2).trim().split("\\s+");
                if (parts.length >= 3) {
                    String address = parts[2].split("/")[0];
                    if (port == null) {
                        sessionAddress = address; // session-level, before any m= line
                    } else if (mediaAddress == null) {
                        mediaAddress = address; // media-level overrides it for the first stream
                    }
                }
            } else if (line.startsWith("m=") && port == null) {
                String[] parts = line.substring(2).trim().split("\\s+");
                if (parts.length >= 2) {
                    port = parts[1].split("/")[0];
                }
            }
        }
        String address = mediaAddress != null ? mediaAddress : sessionAddress;
        if (address == null && port == null) {
            return null;
        }
        return (address == null ? "" : address.contains(":") ? "[" + address + "]" : address) + (port == null ? "" : ":" + port);
    }
}
