package org.switchboard.application.admin;

import java.time.Instant;
import java.util.List;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.device.Device;
import org.switchboard.application.voicemail.VoicemailChoices;

/**
 * What the account view shows support staff: status, the phones registered now, the offline messages
 * waiting (how many and since when, never their text), the voicemail settings, the money records kept
 * and the open deletion request if there is one. Detached, for the page and the API alike.
 */
public record AccountDetails(AccountSummary account, List<Device> devices, long messagesWaiting, Instant oldestMessage,
                             VoicemailChoices voicemail, int purchases, Instant deletionRequestedAt) {
}
