package org.switchboard.sip.domain;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.sip.config.SipSettings;

/**
 * The one answer to "is this us?": the SIP domain we serve and the addresses we listen on (IPv4,
 * and IPv6 when configured), read from the settings once. Phones address us by either (RFC 3261
 * section 10.3 step 1 lets a registrar serve its own address), so a call to {@code
 * sip:bob@127.0.0.1} is a call to bob, and the registrar, the proxy, the traces and the CDRs all
 * ask this bean rather than comparing hosts themselves.
 */
@ApplicationScoped
public class LocalDomain {

    @Inject
    SwitchboardSettings serviceSettings;

    @Inject
    SipSettings settings;

    private String domain;
    private String addressV4;
    private String addressV6;
    private int port;
    private int tlsPort;

    /** For CDI. */
    protected LocalDomain() {
    }

    /** For tests and for {@link #init()}: the domain, our addresses ("" for none) and ports. */
    public static LocalDomain of(String domain, String addressV4, String addressV6, int port, int tlsPort) {
        LocalDomain local = new LocalDomain();
        local.set(domain, addressV4, addressV6, port, tlsPort);
        return local;
    }

    @PostConstruct
    void init() {
        set(serviceSettings.sipDomain(), settings.sipBindAddress(), settings.sipBindAddressV6(), settings.sipPort(),
                settings.sipTlsPort());
    }

    private void set(String domain, String addressV4, String addressV6, int port, int tlsPort) {
        this.domain = domain;
        this.addressV4 = normalized(addressV4);
        this.addressV6 = normalized(addressV6);
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** The SIP domain we serve (the realm of our digest challenges, the host of our AORs). */
    public String domain() {
        return domain;
    }

    /** Whether {@code host} (a name, an IPv4 literal, an IPv6 literal with or without brackets) is us. */
    public boolean isOurHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        return domain.equalsIgnoreCase(unbracketed(host)) || isOurAddress(host);
    }

    /**
     * Whether the URI names this server itself rather than a user of ours: a Route or Record-Route
     * we put there, or a Request-URI of our address (section 16.4). Our address with our port, or
     * the bare domain with no user; the port defaults to 5060 (5061 for sips).
     */
    public boolean isThisServer(URI uri) {
        if (!(uri instanceof SipURI sip) || sip.getHost() == null) {
            return false;
        }
        boolean ourHost = isOurAddress(sip.getHost()) || (domain.equalsIgnoreCase(unbracketed(sip.getHost())) && sip.getUser() == null);
        int uriPort = sip.getPort() > 0 ? sip.getPort() : sip.isSecure() ? 5061 : 5060;
        return ourHost && (uriPort == port || uriPort == tlsPort);
    }

    /** The user part when the URI is one of our addresses-of-record (our domain or our own address), else empty. */
    public Optional<String> localUser(URI uri) {
        if (uri instanceof SipURI sip && sip.getUser() != null && isOurHost(sip.getHost())) {
            return Optional.of(sip.getUser());
        }
        return Optional.empty();
    }

    private boolean isOurAddress(String host) {
        String address = normalized(host);
        return !address.isEmpty() && (address.equals(addressV4) || address.equals(addressV6));
    }

    /** IP literals in one spelling ("0:0:0:0:0:0:0:1" and "[::1]" are the same); names lower case. */
    private static String normalized(String host) {
        if (host == null || host.isBlank()) {
            return "";
        }
        String bare = unbracketed(host.trim());
        if (bare.contains(":")) {
            try {
                return InetAddress.getByName(bare).getHostAddress(); // a literal: no DNS lookup
            } catch (UnknownHostException e) {
                return bare.toLowerCase(Locale.ROOT);
            }
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
