package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /api/v1/me with the portal's login session: the account, voicemail settings round trip, JSON
 * errors without stack traces, and tampering: bob's Call-ID, CDR id and voicemail id give alice
 * 404 (through the API and the trace page) while bob himself gets them.
 */
@ExtendWith(RunningService.class)
class PortalApiIT {

    private static final Map<String, String> JSON = Map.of("Accept", "application/json");

    @Test
    void meIsTheSignedInAccount() throws Exception {
        String portal = RunningService.portal();
        OidcBrowser alice = new OidcBrowser();
        alice.login(portal, "alice", "demo-alice-1");
        OidcBrowser.Page me = alice.get(portal + "api/v1/me", JSON);
        assertEquals(200, me.status(), me.body());
        assertTrue(me.body().contains("\"sipUri\":\"sip:alice@localhost\""), me.body());
        assertFalse(me.body().contains("bob"), me.body());

        OidcBrowser.Page cdrs = alice.get(portal + "api/v1/me/cdrs?max=5", JSON);
        assertEquals(200, cdrs.status(), cdrs.body());
        assertTrue(cdrs.body().contains("\"total\":"), cdrs.body());
        OidcBrowser.Page csv = alice.get(portal + "api/v1/me/cdrs?format=csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("id,call_id,start,"), csv.body());
        assertEquals(200, alice.get(portal + "api/v1/me/calls", JSON).status());
        assertEquals(200, alice.get(portal + "api/v1/me/devices", JSON).status());
        assertEquals(200, alice.get(portal + "api/v1/me/voicemails", JSON).status());
    }

    @Test
    void voicemailSettingsRoundTrip() throws Exception {
        String portal = RunningService.portal();
        OidcBrowser alice = new OidcBrowser();
        alice.login(portal, "alice", "demo-alice-1");
        String before = alice.get(portal + "api/v1/me/voicemail-settings", JSON).body();
        assertTrue(before.contains("\"enabled\":"), before);
        try {
            OidcBrowser.Page put = alice.put(portal + "api/v1/me/voicemail-settings", "application/json",
                    "{\"enabled\":false,\"sendByEmail\":false,\"storeOnServer\":true}");
            assertEquals(200, put.status(), put.body());
            String after = alice.get(portal + "api/v1/me/voicemail-settings", JSON).body();
            assertTrue(after.contains("\"enabled\":false") && after.contains("\"storeOnServer\":true"), after);
        } finally {
            alice.put(portal + "api/v1/me/voicemail-settings", "application/json", before);
        }
    }

    @Test
    void badInputIsAJsonMessage() throws Exception {
        String portal = RunningService.portal();
        OidcBrowser alice = new OidcBrowser();
        alice.login(portal, "alice", "demo-alice-1");
        OidcBrowser.Page bad = alice.get(portal + "api/v1/me/cdrs?from=yesterday", JSON);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().startsWith("{\"message\":\"from must be a day"), bad.body());
        OidcBrowser.Page sort = alice.get(portal + "api/v1/me/cdrs?sort=password", JSON);
        assertEquals(400, sort.status(), sort.body());
        assertFalse(sort.body().contains("Exception") || sort.body().contains("\tat "), sort.body());
        OidcBrowser.Page notNumber = alice.get(portal + "api/v1/me/cdrs/abc", JSON);
        assertEquals(404, notNumber.status(), notNumber.body());
        assertTrue(notNumber.body().contains("\"message\""), notNumber.body());
    }

    @Test
    void anotherAccountsCallRecordAndVoicemailAreNotFound() throws Exception {
        String portal = RunningService.portal();
        long bob = accountId("bob");
        String callId = "bob-only-" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        ServiceDatabase.update("INSERT INTO call_detail_record (call_id, caller_account_id, caller_uri, callee_uri, start_time,"
                + " duration_seconds, disposition, failure_code) VALUES (?, ?, 'sip:bob@localhost', 'sip:nobody@localhost', ?, 0, 'FAILED', 404)",
                callId, bob, now);
        ServiceDatabase.update("INSERT INTO trace_message (call_id, message_time, direction, transport, source_ip, source_port,"
                + " destination_ip, destination_port, method, cseq_method, raw_text, from_account_id)"
                + " VALUES (?, ?, 'IN', 'UDP', '127.0.0.1', 40000, '127.0.0.1', 5060, 'INVITE', 'INVITE', ?, ?)",
                callId, now, "INVITE sip:nobody@localhost SIP/2.0\r\nCall-ID: " + callId + "\r\n\r\n", bob);
        ServiceDatabase.update("INSERT INTO voicemail (account_id, caller_uri, received_at, duration_seconds)"
                + " VALUES (?, 'sip:carol@example.org', ?, 7)", bob, now);
        long cdrId = ((Number) ServiceDatabase.query("SELECT id FROM call_detail_record WHERE call_id = ?", callId).get(0).get("id")).longValue();
        long voicemailId = ((Number) ServiceDatabase.query("SELECT max(id) AS id FROM voicemail WHERE account_id = ?", bob)
                .get(0).get("id")).longValue();

        OidcBrowser bobBrowser = new OidcBrowser();
        bobBrowser.login(portal, "bob", "demo-bob-1");
        assertEquals(200, bobBrowser.get(portal + "api/v1/me/cdrs/" + cdrId, JSON).status(), "bob sees his own record");
        OidcBrowser.Page bobsTrace = bobBrowser.get(portal + "api/v1/me/calls/" + callId + "/trace", JSON);
        assertEquals(200, bobsTrace.status(), bobsTrace.body());
        assertTrue(bobsTrace.body().startsWith("[{") && bobsTrace.body().contains("\"method\":\"INVITE\""), bobsTrace.body());
        OidcBrowser.Page bobsText = bobBrowser.get(portal + "api/v1/me/calls/" + callId + "/trace");
        assertTrue(bobsText.body().startsWith("Call-ID: " + callId) && bobsText.body().contains("IN UDP 127.0.0.1:40000 -> 127.0.0.1:5060"),
                bobsText.body());
        assertTrue(bobBrowser.get(portal + "api/v1/me/voicemails", JSON).body().contains("\"id\":" + voicemailId));

        OidcBrowser alice = new OidcBrowser();
        alice.login(portal, "alice", "demo-alice-1");
        for (String path : new String[] {"api/v1/me/cdrs/" + cdrId, "api/v1/me/calls/" + callId + "/trace",
                "api/v1/me/voicemails/" + voicemailId + "/audio"}) {
            OidcBrowser.Page page = alice.get(portal + path, JSON);
            assertEquals(404, page.status(), path + ": " + page.body());
            assertTrue(page.body().startsWith("{\"message\":"), page.body());
            assertFalse(page.body().contains(callId) && !path.contains(callId), page.body());
        }
        assertFalse(alice.get(portal + "api/v1/me/voicemails", JSON).body().contains("sip:carol@example.org"));
        assertFalse(alice.get(portal + "api/v1/me/cdrs?format=csv", JSON).body().contains(callId));
        OidcBrowser.Page tracePage = alice.get(portal + "trace.xhtml?callId=" + callId);
        assertEquals(404, tracePage.status());
        assertFalse(tracePage.body().contains("sip:nobody@localhost"), tracePage.body());
    }

    private static long accountId(String user) throws Exception {
        return ((Number) ServiceDatabase.query("SELECT id FROM account WHERE sip_user = ?", user).get(0).get("id")).longValue();
    }
}
