package org.switchboard.sip.proxy;

import javax.sip.InvalidArgumentException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.TooManyHopsException;
import javax.sip.message.Request;

/**
 * Max-Forwards, the one place the proxy reads and lowers it (RFC 3261 section 16.3 step 2 and
 * 16.6 step 3): a request that arrives with 0 is answered 483, a forwarded copy carries one less,
 * or 70 when the request had none.
 */
final class MaxForwards {

    /** What a proxy puts in a request that had no Max-Forwards (section 16.6 step 3). */
    static final int DEFAULT = 70;

    private MaxForwards() {
    }

    /** Whether the request may not be forwarded any further (483 Too Many Hops, no answer for ACK). */
    static boolean exhausted(Request received) {
        MaxForwardsHeader header = (MaxForwardsHeader) received.getHeader(MaxForwardsHeader.NAME);
        return header != null && header.getMaxForwards() <= 0;
    }

    /** Lowers it by one in the copy being forwarded, or sets {@link #DEFAULT}. */
    static void decrement(Request forwarded, HeaderFactory headers) {
        MaxForwardsHeader header = (MaxForwardsHeader) forwarded.getHeader(MaxForwardsHeader.NAME);
        try {
            if (header == null) {
                forwarded.setHeader(headers.createMaxForwardsHeader(DEFAULT));
            } else {
                header.decrementMaxForwards();
            }
        } catch (InvalidArgumentException | TooManyHopsException e) {
            // exhausted() turned such a request away before it got here
            throw new IllegalStateException("Max-Forwards of a request already checked: " + e.getMessage(), e);
        }
    }
}
