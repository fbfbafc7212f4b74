package org.switchboard.sip.engine;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.sip.auth.DigestResponse;

/**
 * Runs the stack's parser and encoder and our digest over typical messages (a registration, a
 * call's INVITE, answers, ACK, BYE) before the ports open, until the JIT has compiled them or the
 * time is up. Half of a request's cost is there, and a cold JVM does it interpreted: right after
 * start a server that had not done this failed 70 % of the REGISTERs it had room for when warm
 * (bench/README.md). Nothing is sent; the messages are made up and go nowhere.
 */
final class StackWarmUp {

    private static final String CALL_ID = "warm-up-3b1c@127.0.0.1";

    private static final List<byte[]> MESSAGES = List.of(
            bytes("""
                    REGISTER sip:localhost SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-warm-1;rport\r
                    From: <sip:warm@localhost>;tag=warm-1\r
                    To: <sip:warm@localhost>\r
                    Call-ID: %s\r
                    CSeq: 2 REGISTER\r
                    Contact: <sip:warm@127.0.0.1:5070;transport=udp>;expires=3600\r
                    Authorization: Digest username="warm", realm="localhost", nonce="AAABmW-warm-up-nonce", uri="sip:localhost", response="00112233445566778899aabbccddeeff", algorithm=MD5, cnonce="c0ffee", qop=auth, nc=00000001\r
                    Max-Forwards: 70\r
                    User-Agent: warm-up\r
                    Expires: 3600\r
                    Content-Length: 0\r
                    \r
                    """),
            bytes("""
                    INVITE sip:bob@localhost SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK-warm-2;rport\r
                    From: "Alice" <sip:alice@localhost>;tag=warm-2\r
                    To: <sip:bob@localhost>\r
                    Call-ID: %s\r
                    CSeq: 1 INVITE\r
                    Contact: <sip:alice@127.0.0.1:5071>\r
                    Proxy-Authorization: Digest username="alice", realm="localhost", nonce="AAABmW-warm-up-nonce", uri="sip:bob@localhost", response="00112233445566778899aabbccddeeff", algorithm=MD5, cnonce="c0ffee", qop=auth, nc=00000001\r
                    Max-Forwards: 70\r
                    Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r
                    Content-Type: application/sdp\r
                    Content-Length: 0\r
                    \r
                    v=0\r
                    o=alice 1 1 IN IP4 127.0.0.1\r
                    s=-\r
                    c=IN IP4 127.0.0.1\r
                    t=0 0\r
                    m=audio 40000 RTP/AVP 0 8 101\r
                    a=rtpmap:101 telephone-event/8000\r
                    """),
            bytes("""
                    SIP/2.0 180 Ringing\r
                    Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-warm-3\r
                    Via: SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK-warm-2;rport=5071\r
                    Record-Route: <sip:127.0.0.1:5060;lr>\r
                    From: "Alice" <sip:alice@localhost>;tag=warm-2\r
                    To: <sip:bob@localhost>;tag=warm-4\r
                    Call-ID: %s\r
                    CSeq: 1 INVITE\r
                    Contact: <sip:bob@127.0.0.1:5072>\r
                    Content-Length: 0\r
                    \r
                    """),
            bytes("""
                    ACK sip:bob@127.0.0.1:5072 SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK-warm-5;rport\r
                    Route: <sip:127.0.0.1:5060;lr>\r
                    From: "Alice" <sip:alice@localhost>;tag=warm-2\r
                    To: <sip:bob@localhost>;tag=warm-4\r
                    Call-ID: %s\r
                    CSeq: 1 ACK\r
                    Max-Forwards: 70\r
                    Content-Length: 0\r
                    \r
                    """),
            bytes("""
                    BYE sip:bob@127.0.0.1:5072 SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.1:5071;branch=z9hG4bK-warm-6;rport\r
                    Route: <sip:127.0.0.1:5060;lr>\r
                    From: "Alice" <sip:alice@localhost>;tag=warm-2\r
                    To: <sip:bob@localhost>;tag=warm-4\r
                    Call-ID: %s\r
                    CSeq: 2 BYE\r
                    Max-Forwards: 70\r
                    Content-Length: 0\r
                    \r
                    """));

    private StackWarmUp() {
    }

    /** What a warm-up did. */
    record Done(int rounds, long millis) {
    }

    /** Parses, answers and encodes each message, round after round, for {@code budgetMillis} or {@code maxRounds}. */
    static Done run(MessageFactory messages, HeaderFactory headers, long budgetMillis, int maxRounds) throws ParseException {
        long started = System.nanoTime();
        long deadline = started + budgetMillis * 1_000_000;
        int rounds = 0;
        while (rounds < maxRounds && System.nanoTime() - deadline < 0) {
            for (byte[] raw : MESSAGES) {
                SIPMessage message = new StringMsgParser().parseSIPMessage(raw, true, false, null);
                message.encode();
                if (message instanceof SIPRequest request && !"ACK".equals(request.getMethod())) {
                    Response challenge = messages.createResponse(407, request);
                    challenge.addHeader(headers.createHeader("Proxy-Authenticate",
                            "Digest realm=\"localhost\", nonce=\"AAABmW-warm-up-nonce\", algorithm=MD5, qop=\"auth\""));
                    challenge.toString();
                    DigestResponse.compute(DigestAlgorithm.MD5, DigestAlgorithm.MD5.hash("warm:localhost:x"),
                            "AAABmW-warm-up-nonce", "00000001", "c0ffee", "auth", request.getMethod(), "sip:localhost");
                }
            }
            rounds++;
        }
        return new Done(rounds, (System.nanoTime() - started) / 1_000_000);
    }

    /** The message with its Call-ID and the Content-Length of its body. */
    private static byte[] bytes(String template) {
        String text = template.formatted(CALL_ID);
        int bodyAt = text.indexOf("\r\n\r\n") + 4;
        int length = text.substring(bodyAt).getBytes(StandardCharsets.UTF_8).length;
        return text.replaceFirst("Content-Length: \\d+", "Content-Length: " + length).getBytes(StandardCharsets.UTF_8);
    }
}
