package org.switchboard.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.SipFactory;
import javax.sip.message.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.sip.servlet.SipFactories;
import org.switchboard.sip.event.SipObserver;
import org.switchboard.sip.servlet.SipRequest;

/**
 * The registrar's digest check (RFC 3261 section 22, RFC 2617, RFC 7616, RFC 8760) on real JAIN-SIP
 * requests: the right answer in either algorithm is accepted, everything else is challenged again,
 * and a right answer on an expired nonce gets stale=true so the phone retries on its own.
 */
class DigestAuthenticatorTest {

    private static final String REALM = "localhost";
    private static final String PASSWORD = "demo-alice-1";

    private final DigestAuthenticator authenticator = new DigestAuthenticator();
    private final NonceService nonces = new NonceService();
    private SipFactories factories;

    @BeforeEach
    void setUp() throws Exception {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        factories = new SipFactories(sip.createAddressFactory(), sip.createHeaderFactory(), sip.createMessageFactory());
        nonces.settings = TestSettings.defaults();
        nonces.used = new ConcurrentHashMap<>();
        nonces.clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
        nonces.init();
        authenticator.settings = TestSettings.defaults(); // MD5,SHA-256
        authenticator.serviceSettings = TestSettings.service(); // domain and realm localhost
        authenticator.nonces = nonces;
        authenticator.guard = org.switchboard.sip.security.AbuseGuard.of(org.switchboard.sip.security.AbuseSettings.from(
                org.switchboard.application.config.SettingsReader.of(TestSettings.properties(Map.of()))), null, System::nanoTime);
        authenticator.credentials = credentialsOf(Map.of("alice", account("alice", AccountStatus.ACTIVE)));
    }

    private static DigestAccount account(String user, AccountStatus status) {
        return new DigestAccount(7, user, REALM, status, DigestAlgorithm.MD5.hash(user + ":" + REALM + ":" + PASSWORD),
                DigestAlgorithm.SHA_256.hash(user + ":" + REALM + ":" + PASSWORD));
    }

    private static CredentialCache credentialsOf(Map<String, DigestAccount> accounts) {
        CredentialCache cache = new CredentialCache();
        cache.settings = TestSettings.defaults();
        cache.lookup = new CredentialLookup() {
            @Override
            public Optional<DigestAccount> find(String user, String domain) {
                return REALM.equals(domain) ? Optional.ofNullable(accounts.get(user)) : Optional.empty();
            }
        };
        cache.create();
        return cache;
    }

    /** A REGISTER from alice answering {@code nonce} with {@code password}'s digest over {@code realm}. */
    private SipRequest register(DigestAlgorithm algorithm, String user, String realm, String password, String nonce, String nc)
            throws Exception {
        String uri = "sip:localhost";
        String ha1 = algorithm.hash(user + ":" + realm + ":" + password);
        String response = DigestResponse.compute(algorithm, ha1, nonce, nc, "c0ffee", "auth", "REGISTER", uri);
        return request("Authorization: Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=" + algorithm.token()
                + ", qop=auth, nc=" + nc + ", cnonce=\"c0ffee\"\r\n");
    }

    private SipRequest request(String extraHeaders) throws Exception {
        String text = "REGISTER sip:localhost SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.7:5070;branch=z9hG4bK-test-1\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@localhost>;tag=a1\r\n"
                + "To: <sip:alice@localhost>\r\n"
                + "Call-ID: digest-test@192.0.2.7\r\n"
                + "CSeq: 2 REGISTER\r\n"
                + "Contact: <sip:alice@192.0.2.7:5070>\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
        Request parsed = factories.messages().createRequest(text);
        return new SipRequest(parsed, null, null, factories, "REGISTER", new SipObserver() { });
    }

    @Test
    void theRightAnswerInEitherAlgorithmIsAccepted() throws Exception {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            DigestAuthenticator.Outcome outcome = authenticator.authenticate(
                    register(algorithm, "alice", REALM, PASSWORD, nonces.issue(), "00000001"));
            DigestAuthenticator.Authenticated ok = assertInstanceOf(DigestAuthenticator.Authenticated.class, outcome,
                    algorithm.token());
            assertEquals("alice", ok.account().user());
        }
    }

    @Test
    void noCredentialsIsAFreshChallenge() throws Exception {
        assertEquals(new DigestAuthenticator.Challenge(false), authenticator.authenticate(request("")));
    }

    @Test
    void aWrongPasswordIsChallengedAgain() throws Exception {
        assertEquals(new DigestAuthenticator.Challenge(false),
                authenticator.authenticate(register(DigestAlgorithm.SHA_256, "alice", REALM, "guess", nonces.issue(), "00000001")));
    }

    @Test
    void credentialsForAnotherRealmAreNotOurs() throws Exception {
        assertEquals(new DigestAuthenticator.Challenge(false), authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", "example.org", PASSWORD, nonces.issue(), "00000001")));
    }

    @Test
    void anUnknownUserIsChallengedLikeAWrongPassword() throws Exception {
        assertEquals(new DigestAuthenticator.Challenge(false), authenticator.authenticate(
                register(DigestAlgorithm.MD5, "mallory", REALM, PASSWORD, nonces.issue(), "00000001")));
    }

    @Test
    void aNonceWeDidNotIssueIsRefused() throws Exception {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[36]);
        assertEquals(new DigestAuthenticator.Challenge(false), authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, forged, "00000001")));
    }

    @Test
    void anExpiredNonceWithTheRightAnswerIsStaleAndWithAWrongOneIsNot() throws Exception {
        String nonce = nonces.issue();
        nonces.clock = Clock.offset(nonces.clock, Duration.ofMinutes(6)); // lifetime 300000 ms
        assertEquals(new DigestAuthenticator.Challenge(true), authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, nonce, "00000001")));
        // RFC 7616 section 3.3: stale only when the digest was right, else the user is asked again.
        assertEquals(new DigestAuthenticator.Challenge(false), authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, "guess", nonce, "00000001")));
    }

    @Test
    void aReplayedNonceCountIsRefused() throws Exception {
        String nonce = nonces.issue();
        assertInstanceOf(DigestAuthenticator.Authenticated.class, authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, nonce, "00000001")));
        assertInstanceOf(DigestAuthenticator.Challenge.class, authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, nonce, "00000001")));
        assertInstanceOf(DigestAuthenticator.Authenticated.class, authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, nonce, "00000002")));
    }

    @Test
    void anAlgorithmWeDoNotOfferIsRefused() throws Exception {
        authenticator.settings = TestSettings.with(Map.of("switchboard.sip.auth.algorithms", "SHA-256"));
        assertEquals(new DigestAuthenticator.Challenge(false), authenticator.authenticate(
                register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, nonces.issue(), "00000001")));
    }

    @Test
    void aBlockedAccountStillAuthenticatesSoTheRegistrarCanSay403() throws Exception {
        authenticator.credentials = credentialsOf(Map.of("alice", account("alice", AccountStatus.BLOCKED)));
        DigestAuthenticator.Authenticated ok = assertInstanceOf(DigestAuthenticator.Authenticated.class,
                authenticator.authenticate(register(DigestAlgorithm.MD5, "alice", REALM, PASSWORD, nonces.issue(), "00000001")));
        assertEquals(false, ok.account().isActive());
    }
}
