package org.switchboard.sip.servlet;

import java.util.Set;

/**
 * The SIP methods this server knows (RFC 3261 and its extensions in common use). A request with
 * any other method gets 501 Not Implemented; a known method that no servlet handles gets 405 with
 * Allow (RFC 3261 section 8.2.1).
 */
public final class SipMethods {

    public static final String REGISTER = "REGISTER";
    public static final String INVITE = "INVITE";
    public static final String ACK = "ACK";
    public static final String BYE = "BYE";
    public static final String CANCEL = "CANCEL";
    public static final String OPTIONS = "OPTIONS";
    public static final String PRACK = "PRACK";
    public static final String UPDATE = "UPDATE";
    public static final String INFO = "INFO";
    public static final String REFER = "REFER";
    public static final String MESSAGE = "MESSAGE";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String NOTIFY = "NOTIFY";
    public static final String PUBLISH = "PUBLISH";

    public static final Set<String> KNOWN = Set.of(REGISTER, INVITE, ACK, BYE, CANCEL, OPTIONS, PRACK, UPDATE,
            INFO, REFER, MESSAGE, SUBSCRIBE, NOTIFY, PUBLISH);

    private SipMethods() {
    }

    public static boolean isKnown(String method) {
        return KNOWN.contains(method);
    }
}
