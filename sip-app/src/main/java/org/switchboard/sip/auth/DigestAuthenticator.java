package org.switchboard.sip.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.header.UserAgentHeader;
import gov.nist.javax.sip.header.SIPHeader;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.sip.config.SipSettings;

import org.switchboard.sip.security.AbuseGuard;
import org.switchboard.sip.servlet.SipRequest;
import org.switchboard.sip.servlet.SipResponse;

/**
 * Digest authentication of requests from local subscribers (RFC 3261 section 22, qop=auth,
 * MD5 and SHA-256 per RFC 8760) against the HA1 hashes stored for their accounts: by the
 * registrar as a user agent server (401, {@link Kind#USER_AGENT}) and by the proxy (407,
 * {@link Kind#PROXY}).
 *
 * <p>Unknown users are treated exactly like known ones with a wrong password: same challenge,
 * same answer, and a digest is still computed, so neither the reply nor its timing tells whether
 * an account exists. Whether an account is blocked is revealed only to someone who proved its
 * password.
 */
@ApplicationScoped
public class DigestAuthenticator {

    /** The outcome of checking a request's credentials. */
    public sealed interface Outcome {
    }

    /** Valid credentials of this account (which may still be blocked: check {@link DigestAccount#isActive()}). */
    public record Authenticated(DigestAccount account) implements Outcome {
    }

    /** Challenge (again): no credentials, wrong ones, unknown user or nonce; stale when only the nonce was too old. */
    public record Challenge(boolean stale) implements Outcome {
    }

    /** Who challenges: the headers and status differ (RFC 3261 sections 22.2 and 22.3). */
    public enum Kind {
        USER_AGENT(401, "WWW-Authenticate", "Authorization"),
        PROXY(407, "Proxy-Authenticate", "Proxy-Authorization");

        final int status;
        final String challengeHeader;
        final String credentialsHeader;

        Kind(int status, String challengeHeader, String credentialsHeader) {
            this.status = status;
            this.challengeHeader = challengeHeader;
            this.credentialsHeader = credentialsHeader;
        }
    }

    /** HA1 of no account: the unknown user's digest is checked against it so timing matches. */
    private static final String NO_ACCOUNT_HA1 = DigestAlgorithm.SHA_256.hash("no such account");

    @Inject
    SwitchboardSettings serviceSettings;

    @Inject
    SipSettings settings;

    @Inject
    NonceService nonces;

    @Inject
    CredentialCache credentials;

    /** Counts failed answers (bans, account throttle) and knows the owners' addresses. */
    @Inject
    AbuseGuard guard;

    /** Checks the request's Authorization for the local realm (the SIP domain). */
    public Outcome authenticate(SipRequest request) {
        return authenticate(request, Kind.USER_AGENT);
    }

    /** Checks the request's Authorization or Proxy-Authorization for the local realm (the SIP domain). */
    public Outcome authenticate(SipRequest request, Kind kind) {
        String realm = serviceSettings.sipDomain();
        AuthorizationHeader authorization = authorizationFor(request, realm, kind);
        if (authorization == null) {
            return new Challenge(false);
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(authorization.getAlgorithm());
        String user = authorization.getUsername();
        String nonce = authorization.getNonce();
        String given = authorization.getResponse();
        String qop = authorization.getQop();
        if (algorithm.isEmpty() || !settings.sipAuthAlgorithms().contains(algorithm.get().token())
                || user == null || nonce == null || given == null
                || (qop != null && !"auth".equalsIgnoreCase(qop))) {
            return new Challenge(false);
        }
        NonceService.Verdict nonceVerdict = nonces.check(nonce);
        if (nonceVerdict == NonceService.Verdict.UNKNOWN) {
            return new Challenge(false); // not counted: phones hold nonces of before a restart
        }
        String source = request.getRemoteAddr();
        if (guard.throttles(source, user)) {
            guard.authenticationFailed(source, user); // unchecked, answered as wrong: the guesser learns nothing
            return new Challenge(false);
        }
        Optional<DigestAccount> account = credentials.find(user, realm);
        String ha1 = account.map(a -> a.ha1(algorithm.get())).orElse(NO_ACCOUNT_HA1);
        String nc = qop == null ? null : ncParameter(authorization);
        String expected = DigestResponse.compute(algorithm.get(), ha1, nonce, nc, authorization.getCNonce(),
                qop == null ? null : "auth", request.getMethod(), authorization.getURI().toString());
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!matches || account.isEmpty()) {
            guard.authenticationFailed(source, user);
            return new Challenge(false);
        }
        if (nonceVerdict == NonceService.Verdict.STALE) {
            return new Challenge(true); // right password, old nonce: the phone retries without asking the user
        }
        long count = qop == null ? 1 : authorization.getNonceCount();
        NonceService.Verdict use = nonces.use(nonce, count);
        if (use != NonceService.Verdict.FRESH) {
            return new Challenge(use == NonceService.Verdict.STALE);
        }
        guard.authenticated(source, user);
        return new Authenticated(account.get());
    }

    /** Answers 401 with one WWW-Authenticate per algorithm, in the configured order of preference. */
    public void challenge(SipRequest request, boolean stale) {
        challenge(request, stale, Kind.USER_AGENT);
    }

    /** Answers 401 or 407 with one challenge per algorithm, in the configured order of preference. */
    public void challenge(SipRequest request, boolean stale, Kind kind) {
        String nonce = nonces.issue();
        SipResponse response = request.createResponse(kind.status);
        for (String algorithm : offeredTo(request)) {
            response.addHeader(kind.challengeHeader, "Digest realm=\"" + serviceSettings.sipDomain() + "\", nonce=\"" + nonce
                    + "\", algorithm=" + algorithm + ", qop=\"auth\"" + (stale ? ", stale=TRUE" : ""));
        }
        response.send();
    }

    /** Every configured algorithm, or only the first for user agents that can't choose among several. */
    private List<String> offeredTo(SipRequest request) {
        List<String> algorithms = settings.sipAuthAlgorithms();
        Header header = request.unwrap().getHeader(UserAgentHeader.NAME);
        if (header == null || algorithms.size() < 2) {
            return algorithms;
        }
        String userAgent = ((SIPHeader) header).getHeaderValue();
        boolean singleOnly = settings.sipAuthSingleChallengeUserAgents().map(p -> p.matcher(userAgent).lookingAt()).orElse(false);
        return singleOnly ? algorithms.subList(0, 1) : algorithms;
    }

    /** Removes the credentials for our realm, so they go no further than us. */
    public void consumeCredentials(javax.sip.message.Request message, Kind kind) {
        String realm = serviceSettings.sipDomain();
        List<Header> keep = new java.util.ArrayList<>();
        java.util.ListIterator<?> headers = message.getHeaders(kind.credentialsHeader);
        while (headers != null && headers.hasNext()) {
            AuthorizationHeader header = (AuthorizationHeader) headers.next();
            if (!realm.equalsIgnoreCase(header.getRealm())) {
                keep.add(header);
            }
        }
        message.removeHeader(kind.credentialsHeader);
        for (Header header : keep) {
            message.addHeader(header);
        }
    }

    private static AuthorizationHeader authorizationFor(SipRequest request, String realm, Kind kind) {
        List<Header> headers = request.getHeaders(kind.credentialsHeader);
        for (Header header : headers) {
            AuthorizationHeader authorization = (AuthorizationHeader) header;
            if ("Digest".equalsIgnoreCase(authorization.getScheme()) && realm.equalsIgnoreCase(authorization.getRealm())) {
                return authorization;
            }
        }
        return null;
    }

    /** The nc parameter exactly as sent (8 hex digits); it enters the digest as text. */
    private static String ncParameter(AuthorizationHeader authorization) {
        String raw = authorization.getParameter("nc");
        return raw != null ? raw : String.format("%08x", authorization.getNonceCount());
    }
}
