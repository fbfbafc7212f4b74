package org.switchboard.sip.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import java.util.OptionalLong;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import org.junit.jupiter.api.Test;

class VoicemailTargetTest {

    private final AddressFactory addresses = new AddressFactoryImpl();

    @Test
    void namesTheAccountAndIsOurUdpAddress() throws Exception {
        SipURI uri = (SipURI) addresses.createURI("sip:alice@127.0.0.1:5060;transport=udp;sb-voicemail=42");
        assertTrue(VoicemailTarget.is(uri));
        assertEquals(OptionalLong.of(42), VoicemailTarget.accountId(uri));
    }

    @Test
    void anyOtherUriIsNotAVoicemail() throws Exception {
        assertFalse(VoicemailTarget.is(addresses.createURI("sip:alice@localhost")));
        assertFalse(VoicemailTarget.is(addresses.createURI("sip:alice@127.0.0.1;sb-voicemail=x")), "not a number");
        assertFalse(VoicemailTarget.is(addresses.createURI("tel:+4930123")));
    }
}
