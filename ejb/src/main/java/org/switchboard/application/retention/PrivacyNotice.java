package org.switchboard.application.retention;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The portal's privacy page, written from the live retention settings: a change in the admin
 * console shows here at the next page view.
 */
@Stateless
public class PrivacyNotice {

    @Inject
    RetentionService retention;

    public record Item(String what, String form, String kept, String seenBy) {
    }

    public List<Item> items() {
        RetentionPolicy p = retention.currentPolicy();
        return List.of(
                new Item("Your account: SIP address, display name, email", "as you entered them",
                        "until you delete your account", "you and support staff"),
                new Item("Your SIP password", "digest hashes only (MD5 and SHA-256 HA1), never the password",
                        "until you change it or delete your account", "nobody: the phone proves it knows the password"),
                new Item("Your web password", "a salted hash in the login service (Keycloak)",
                        "until you delete your account", "nobody"),
                new Item("Session traces: the SIP messages of your calls (INVITE, BYE, CANCEL, PRACK, ACK and their replies)",
                        "clear text, with time, direction and IP addresses", days(p.traceDays()), "you and support staff"),
                new Item("Registrations (REGISTER)", "never stored; your phones' bindings live in memory only",
                        "until the registration expires", "you (Devices) and support staff"),
                new Item("Call detail records: who called whom, when, how long, signalling and media IP addresses",
                        "database rows", months(p.cdrMonths()), "you and support staff"),
                new Item("Messages (SIP MESSAGE) held while you are offline", "clear text",
                        "until delivered, at most " + days(p.offlineMessageDays()), "you"),
                new Item("Voicemails", "sent by email, and kept on the server only if you choose so",
                        days(p.voicemailDays()) + " on the server", "you"),
                new Item("Presence", "no SUBSCRIBE/NOTIFY payloads; short logs of state changes", days(p.presenceDays()),
                        "support staff"),
                new Item("Money records of purchases: name, billing address, amount, date", "database rows",
                        p.moneyYears() + " years after each purchase (the law requires it), even after account deletion",
                        "you and accounting staff"));
    }

    /** When the nightly purge runs, server time. */
    public String runTime() {
        RetentionPolicy p = retention.currentPolicy();
        return String.format("%02d:%02d", p.runHour(), p.runMinute());
    }

    private static String days(int n) {
        return n == 1 ? "1 day" : n + " days";
    }

    private static String months(int n) {
        return n == 1 ? "1 month" : n + " months";
    }
}
