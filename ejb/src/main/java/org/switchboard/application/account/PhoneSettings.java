package org.switchboard.application.account;

/**
 * What a subscriber types into a phone, from the running SIP engine's settings (implemented in
 * sip-app, which depends on this module), so it is always what the server listens on.
 */
public interface PhoneSettings {

    record Values(String domain, String proxy, int port, int tlsPort, boolean tls, String transports) {
    }

    Values current();
}
