package org.switchboard.application.account;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.switchboard.persistence.account.DigestCredentialQuery;
import org.switchboard.persistence.account.DigestCredentials;

/**
 * The registrar's and the proxy's way to an account's digest credentials (behind their cache).
 *
 * <p>A CDI bean, not an EJB: it is on the SIP path of every registration whose credentials left the
 * cache, and one read of committed rows needs no transaction, so it pays for no EJB interceptors.
 */
@ApplicationScoped
public class DigestCredentialService {

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    private DigestCredentialQuery query;

    @PostConstruct
    void init() {
        query = new DigestCredentialQuery(dataSource);
    }

    /** The credentials of {@code user@domain}, empty when there is no such account or it has none. */
    public Optional<DigestCredentials> find(String user, String domain) {
        return query.find(user, domain);
    }

    /** Up to {@code limit} active accounts' credentials, each handed to {@code each}; returns how many. */
    public int forEachActive(String domain, int limit, Consumer<DigestCredentials> each) {
        return query.forEachActive(domain, limit, each);
    }
}
