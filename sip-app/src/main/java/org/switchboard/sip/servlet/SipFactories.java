package org.switchboard.sip.servlet;

import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/** The JAIN-SIP factories of the running stack, for building addresses, headers and messages. */
public record SipFactories(AddressFactory addresses, HeaderFactory headers, MessageFactory messages) {
}
