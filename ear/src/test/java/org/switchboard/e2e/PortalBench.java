package org.switchboard.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The portal benchmark (bench/portal/run.sh): {@code seed} fills the database of a running service
 * with CDRs and trace rows of one account, server-side ({@code INSERT ... SELECT} over a generated
 * series: PostgreSQL's generate_series, H2's SYSTEM_RANGE), and {@code time} signs in through
 * Keycloak's real login form ({@link OidcBrowser}) and times the call history page, the API's
 * first page and a month's CSV export, and the calls (trace window) page and API.
 *
 * <pre>
 * seed JDBC_URL DB_USER DB_PASSWORD SIP_USER PEER_SIP_USER CDRS TRACE_ROWS
 * time PORTAL_URL LOGIN PASSWORD REPEATS
 * </pre>
 */
public final class PortalBench {

    /** A CDR every 155 s: 100,000 of them span 179 days, inside the 6-month CDR window. */
    private static final int CDR_SPACING_SECONDS = 155;
    private static final int MESSAGES_PER_CALL = 10;
    /** Raw SIP text of a typical size (a real INVITE with SDP is 700-1,000 bytes, its answers less). */
    private static final String RAW = "INVITE sip:bob@localhost SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:6000;branch=z9hG4bK-bench\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:alice@localhost>;tag=bench\r\nTo: <sip:bob@localhost>\r\nCSeq: 1 INVITE\r\n"
            + "Contact: <sip:alice@127.0.0.1:6000>\r\nUser-Agent: bench\r\nContent-Type: application/sdp\r\n"
            + "Content-Length: 129\r\n\r\nv=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 6000 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n";

    private PortalBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "seed" -> seed(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            case "time" -> time(args[1], args[2], args[3], Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("usage: seed JDBC_URL USER PASSWORD SIP_USER PEER CDRS TRACES"
                    + " | time PORTAL_URL LOGIN PASSWORD REPEATS");
        }
    }

    // --- seed -----------------------------------------------------------------------------------

    static void seed(String url, String user, String password, String sipUser, String peerUser, int cdrs, int traces)
            throws SQLException {
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            long account = accountId(db, sipUser);
            long peer = accountId(db, peerUser);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long started = System.nanoTime();
            int cdrRows = insert(db, "INSERT INTO call_detail_record (call_id, caller_account_id, callee_account_id, caller_uri,"
                    + " callee_uri, start_time, answer_time, end_time, duration_seconds, disposition, failure_code,"
                    + " caller_signaling_address, callee_signaling_address, caller_media_address, callee_media_address,"
                    + " caller_user_agent, callee_user_agent)"
                    + " SELECT 'bench-' || s.g || '@bench',"
                    + " CASE WHEN MOD(s.g, 2) = 0 THEN ? ELSE ? END, CASE WHEN MOD(s.g, 2) = 0 THEN ? ELSE ? END,"
                    + " CASE WHEN MOD(s.g, 2) = 0 THEN ? ELSE ? END, CASE WHEN MOD(s.g, 2) = 0 THEN ? ELSE ? END,"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) - s.g * " + CDR_SPACING_SECONDS + " * INTERVAL '1' SECOND,"
                    + " CASE WHEN MOD(s.g, 5) = 0 THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) - s.g * "
                    + CDR_SPACING_SECONDS + " * INTERVAL '1' SECOND + 3 * INTERVAL '1' SECOND END,"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) - s.g * " + CDR_SPACING_SECONDS + " * INTERVAL '1' SECOND"
                    + " + MOD(s.g, 120) * INTERVAL '1' SECOND,"
                    + " CASE WHEN MOD(s.g, 5) = 0 THEN 0 ELSE MOD(s.g, 117) END,"
                    + " CASE WHEN MOD(s.g, 5) = 0 THEN 'BUSY' ELSE 'ANSWERED' END,"
                    + " CASE WHEN MOD(s.g, 5) = 0 THEN 486 ELSE NULL END,"
                    + " '127.0.0.1:6000', '127.0.0.1:6001', '127.0.0.1:20000', '127.0.0.1:20002', 'bench', 'bench'"
                    + " FROM " + series(postgresql, cdrs),
                    account, peer, peer, account,
                    "sip:" + sipUser + "@localhost", "sip:" + peerUser + "@localhost",
                    "sip:" + peerUser + "@localhost", "sip:" + sipUser + "@localhost",
                    now, now, now);
            double cdrSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            // The trace window is 7 days: every row inside it (one every 0.5 s over 5.8 days), ten per call.
            int traceRows = insert(db, "INSERT INTO trace_message (call_id, message_time, direction, transport, source_ip,"
                    + " source_port, destination_ip, destination_port, method, status_code, cseq_method, raw_text,"
                    + " from_account_id, to_account_id)"
                    + " SELECT 'bench-trace-' || (s.g / " + MESSAGES_PER_CALL + ") || '@bench',"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE) - s.g * 500 * INTERVAL '0.001' SECOND,"
                    + " CASE WHEN MOD(s.g, 2) = 0 THEN 'IN' ELSE 'OUT' END, 'UDP', '127.0.0.1', 6000, '127.0.0.1', 5060,"
                    + " CASE WHEN MOD(s.g, " + MESSAGES_PER_CALL + ") = 0 THEN 'INVITE' ELSE NULL END,"
                    + " CASE WHEN MOD(s.g, " + MESSAGES_PER_CALL + ") = 0 THEN NULL ELSE 200 END, 'INVITE', ?,"
                    + " CASE WHEN MOD(s.g / " + MESSAGES_PER_CALL + ", 2) = 0 THEN ? ELSE ? END,"
                    + " CASE WHEN MOD(s.g / " + MESSAGES_PER_CALL + ", 2) = 0 THEN ? ELSE ? END"
                    + " FROM " + series(postgresql, traces),
                    now, RAW, account, peer, peer, account);
            double traceSeconds = (System.nanoTime() - started) / 1e9;
            if (postgresql) {
                try (Statement analyze = db.createStatement()) {
                    analyze.execute("ANALYZE call_detail_record");
                    analyze.execute("ANALYZE trace_message");
                }
            }
            System.out.printf(Locale.ROOT, "seeded %,d CDRs in %.1f s and %,d trace rows in %.1f s for sip:%s@localhost%n",
                    cdrRows, cdrSeconds, traceRows, traceSeconds, sipUser);
        }
    }

    private static String series(boolean postgresql, int rows) {
        return postgresql
                ? "(SELECT g FROM generate_series(1, " + rows + ") AS g) s"
                : "(SELECT X AS g FROM SYSTEM_RANGE(1, " + rows + ")) s";
    }

    private static long accountId(Connection db, String sipUser) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM account WHERE sip_user = ?")) {
            query.setString(1, sipUser);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no account " + sipUser + " (demo mode opens alice and bob)");
                }
                return rs.getLong(1);
            }
        }
    }

    private static int insert(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            return insert.executeUpdate();
        }
    }

    // --- time -----------------------------------------------------------------------------------

    static void time(String portal, String login, String password, int repeats) throws Exception {
        OidcBrowser browser = new OidcBrowser();
        long started = System.nanoTime();
        OidcBrowser.Page home = browser.login(portal, login, password);
        check(home, "sip:" + login + "@");
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms%n", "sign in through Keycloak (home page)", millis(started));

        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        LocalDate first = lastMonth.atDay(1);
        LocalDate last = lastMonth.atEndOfMonth();
        measure(browser, repeats, "history page, first page (default range: 6 months)", portal + "history.xhtml", "sb-");
        measure(browser, repeats, "API /me/cdrs first page (max=50)", portal + "api/v1/me/cdrs?max=50", "\"total\"");
        measure(browser, repeats, "API /me/cdrs?peer=bob first page", portal + "api/v1/me/cdrs?max=50&peer=bob", "\"total\"");
        measure(browser, repeats, "API /me/cdrs sorted by duration", portal + "api/v1/me/cdrs?max=50&sort=duration", "\"total\"");
        String csv = portal + "api/v1/me/cdrs?format=csv&from=" + first + "&to=" + last;
        OidcBrowser.Page month = measure(browser, repeats, "CSV export of " + lastMonth + " (the page's link)", csv, "call_id");
        System.out.printf(Locale.ROOT, "   %,d rows, %,d bytes%n", month.body().lines().count() - 1, month.body().length());
        measure(browser, repeats, "calls page (trace window), first page", portal + "calls.xhtml", "sb-");
        measure(browser, repeats, "API /me/calls first page (max=50)", portal + "api/v1/me/calls?max=50", "\"total\"");
    }

    /** Times the GET {@code repeats} times; prints the first (cold) and the median of the rest. */
    private static OidcBrowser.Page measure(OidcBrowser browser, int repeats, String what, String url, String expect)
            throws Exception {
        List<Double> times = new ArrayList<>();
        OidcBrowser.Page page = null;
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            page = browser.get(url);
            times.add(millis(started));
            check(page, expect);
        }
        List<Double> warm = new ArrayList<>(times.subList(1, times.size()));
        Collections.sort(warm);
        double median = warm.isEmpty() ? times.get(0) : warm.get(warm.size() / 2);
        System.out.printf(Locale.ROOT, "%-58s %8.0f ms first, %8.0f ms median of %d more%n", what, times.get(0), median, warm.size());
        return page;
    }

    private static void check(OidcBrowser.Page page, String expect) {
        if (page.status() != 200 || !page.body().contains(expect)) {
            throw new IllegalStateException(page.uri() + " answered " + page.status() + " without '" + expect + "': "
                    + page.body().substring(0, Math.min(500, page.body().length())));
        }
    }

    private static double millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e6;
    }
}
