package org.switchboard.sip.proxy;

import gov.nist.javax.sip.stack.HopImpl;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;

/**
 * Where to send a request for another domain (RFC 3263 section 4, without NAPTR): a numeric host
 * or an explicit port is used as it is (with an address lookup for a name); otherwise the SRV
 * records of the transport ({@code _sip._udp}, {@code _sip._tcp}, {@code _sips._tcp}), lowest
 * priority first and, among equals, highest weight; with none, the name's address on 5060
 * (5061 for sips). NAPTR is not read: the transport is the URI's, else UDP (TLS for sips).
 */
@ApplicationScoped
public class DomainResolver {

    private static final Logger LOG = Logger.getLogger(DomainResolver.class.getName());

    /** One SRV record. */
    record Srv(int priority, int weight, int port, String target) {

        /** "10 60 5060 sip.example.com." as DNS gives it; null when malformed. */
        static Srv parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 4) {
                return null;
            }
            try {
                String target = parts[3].endsWith(".") ? parts[3].substring(0, parts[3].length() - 1) : parts[3];
                return new Srv(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), target);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public Optional<Hop> resolve(SipURI uri) {
        boolean secure = uri.isSecure();
        String transport = uri.getTransportParam() != null ? uri.getTransportParam().toUpperCase(Locale.ROOT)
                : secure ? "TLS" : "UDP";
        String host = uri.getHost().replace("[", "").replace("]", "");
        int port = uri.getPort();
        if (isNumeric(host) || port > 0) {
            return address(host).map(a -> new HopImpl(a, port > 0 ? port : secure ? 5061 : 5060, transport));
        }
        for (Srv srv : ordered(srvRecords(srvName(host, transport, secure)))) {
            Optional<Hop> hop = address(srv.target()).map(a -> new HopImpl(a, srv.port(), transport));
            if (hop.isPresent()) {
                return hop;
            }
        }
        return address(host).map(a -> new HopImpl(a, secure ? 5061 : 5060, transport));
    }

    static String srvName(String host, String transport, boolean secure) {
        if (secure || "TLS".equals(transport)) {
            return "_sips._tcp." + host;
        }
        return ("TCP".equals(transport) ? "_sip._tcp." : "_sip._udp.") + host;
    }

    /** RFC 2782 order, simplified: priority ascending, then weight descending (no random draw). */
    static List<Srv> ordered(List<Srv> records) {
        List<Srv> sorted = new ArrayList<>(records);
        sorted.removeIf(r -> r == null || ".".equals(r.target()) || r.target().isEmpty());
        sorted.sort(Comparator.comparingInt(Srv::priority).thenComparing(Comparator.comparingInt(Srv::weight).reversed()));
        return sorted;
    }

    /** The SRV records of a name through the JDK's DNS provider; none when there are none or DNS fails. */
    List<Srv> srvRecords(String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "2");
        List<Srv> found = new ArrayList<>();
        try {
            DirContext dns = new InitialDirContext(env);
            try {
                Attribute srv = dns.getAttributes(name, new String[] {"SRV"}).get("SRV");
                if (srv != null) {
                    NamingEnumeration<?> values = srv.getAll();
                    while (values.hasMore()) {
                        found.add(Srv.parse(values.next().toString()));
                    }
                }
            } finally {
                dns.close();
            }
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.FINE, "no SRV records for " + name, e);
        }
        return found;
    }

    private static Optional<String> address(String host) {
        try {
            return Optional.of(InetAddress.getByName(host).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isNumeric(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
