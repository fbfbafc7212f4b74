package org.switchboard.sip.mwi;

import org.switchboard.persistence.voicemail.MessageCounts;

/**
 * The body of a message-summary NOTIFY (RFC 3842 section 5.2): whether messages wait, the account
 * they wait in, and the voice messages as new/old (urgent ones are not told apart: 0/0).
 */
public final class MessageSummary {

    /** The body's media type (RFC 3842 section 6). */
    public static final String TYPE = "application";
    public static final String SUBTYPE = "simple-message-summary";

    private MessageSummary() {
    }

    public static String body(MessageCounts counts, String accountUri) {
        return "Messages-Waiting: " + (counts.waiting() ? "yes" : "no") + "\r\n"
                + "Message-Account: " + accountUri + "\r\n"
                + "Voice-Message: " + counts.unheard() + "/" + counts.heard() + " (0/0)\r\n";
    }
}
