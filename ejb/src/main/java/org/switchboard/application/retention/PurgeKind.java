package org.switchboard.application.retention;

/** What a retention run purges, in the order it does it (closed account rows last, after their money records). */
public enum PurgeKind {
    TRACES("session traces"),
    CDRS("call detail records"),
    OFFLINE_MESSAGES("expired offline messages"),
    PRESENCE_LOGS("presence logs"),
    VOICEMAILS("stored voicemails"),
    MONEY_RECORDS("money records"),
    CLOSED_ACCOUNTS("closed accounts without money records");

    private final String label;

    PurgeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
