package org.switchboard.sip.mwi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.switchboard.persistence.voicemail.MessageCounts;

class MessageSummaryTest {

    @Test
    void newMessagesWait() {
        assertEquals("Messages-Waiting: yes\r\nMessage-Account: sip:alice@localhost\r\nVoice-Message: 2/5 (0/0)\r\n",
                MessageSummary.body(new MessageCounts(2, 5), "sip:alice@localhost"));
    }

    /** RFC 3842 section 5.2: only new messages light the lamp; old ones are still counted. */
    @Test
    void onlyOldMessagesDoNotWait() {
        assertEquals("Messages-Waiting: no\r\nMessage-Account: sip:alice@localhost\r\nVoice-Message: 0/3 (0/0)\r\n",
                MessageSummary.body(new MessageCounts(0, 3), "sip:alice@localhost"));
    }
}
