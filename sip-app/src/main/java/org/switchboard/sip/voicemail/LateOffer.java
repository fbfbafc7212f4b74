package org.switchboard.sip.voicemail;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import org.switchboard.sip.media.RtpPorts;
import org.switchboard.sip.servlet.OwnDialog;

/**
 * A call the voicemail answered with its own offer, the INVITE having come without SDP (RFC 3264
 * section 4): the caller's answer comes in the ACK, and until then the call has its ports and our
 * dialog but no media. {@code noAck} ends it if the ACK never comes.
 */
final class LateOffer {

    final long accountId;
    final String callerUri;
    final Instant answeredAt;
    final OwnDialog dialog;
    final String offerSdp;
    final RtpPorts media;
    volatile ScheduledFuture<?> noAck;

    LateOffer(long accountId, String callerUri, Instant answeredAt, OwnDialog dialog, String offerSdp, RtpPorts media) {
        this.accountId = accountId;
        this.callerUri = callerUri;
        this.answeredAt = answeredAt;
        this.dialog = dialog;
        this.offerSdp = offerSdp;
        this.media = media;
    }
}
