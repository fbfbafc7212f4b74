package org.switchboard.sip.stack;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.SipStack;

/**
 * Where the stack logs each message it sends and receives: to the {@link StackMessages} sink the
 * application installed (session traces), and to JUL category
 * {@code org.switchboard.sip.messages} at FINEST, i.e. off unless someone turns it on while
 * troubleshooting. It never writes files (REGISTER must not be stored anywhere, and message logs
 * would do exactly that). Named in the stack property {@code gov.nist.javax.sip.SERVER_LOGGER}.
 */
public class JulServerLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("org.switchboard.sip.messages");

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        // Only the channel's log (no status) goes on. The stack logs a received response a second
        // time, with status "before processing", when it looks for its transaction
        // (SIPTransactionStack.newSIPServerResponse): passing that on traced every UDP response twice.
        if (status == null) {
            StackMessages.deliver(message, from, to, sender, time);
        }
        if (LOG.isLoggable(Level.FINEST)) {
            LOG.finest((sender ? "sent " : "received ") + from + " -> " + to
                    + (status == null ? "" : " (" + status + ")") + "\n" + message.encode());
        }
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    @Override
    public void logException(Exception ex) {
        LOG.log(Level.FINE, "exception while logging a SIP message", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // nothing to configure
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
