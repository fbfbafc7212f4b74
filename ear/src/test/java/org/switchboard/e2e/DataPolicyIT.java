package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "No registration information (SIP REGISTER method) is stored": after the other classes have
 * registered, challenged and unregistered, the database holds nothing of it. Reads the running
 * service's database: its PostgreSQL when the tests have one, else its H2 file, which the tests
 * open with AUTO_SERVER (RunCommand).
 */
// Before AccountDeletionIT (MAX_VALUE - 1), which deletes bob.
@Order(Integer.MAX_VALUE - 2)
@ExtendWith(RunningService.class)
class DataPolicyIT {

    @Test
    void noRegisterReachesTheDatabase() throws Exception {
        // One more registration now, so the check does not depend on class order.
        ExternalPeer.Result result = ExternalPeer.run(30, "sipsak", "-U", "-x", "120", "-u", "bob", "-a", "demo-bob-1",
                "-s", "sip:bob@" + RawSip.HOST + ":" + RawSip.port());
        assertEquals(0, result.exitCode(), result.output());

        boolean postgresql = "postgresql".equals(RunCommand.database());
        try (Connection db = postgresql
                ? DriverManager.getConnection(System.getenv("SWITCHBOARD_TEST_PG_URL"),
                        System.getProperty("switchboard.test.pg.user", "switchboard"),
                        System.getProperty("switchboard.test.pg.password", "switchboard"))
                : DriverManager.getConnection(RunCommand.h2Url(Path.of(System.getProperty("switchboard.e2e.var"))), "sa", "sa")) {
            try (ResultSet rs = db.createStatement().executeQuery(
                    "select count(*) from trace_message where upper(method) = 'REGISTER' or upper(cseq_method) = 'REGISTER'"
                            + " or raw_text like 'REGISTER %'")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "REGISTER rows in trace_message");
            }
            // No table for registrations or bindings exists at all.
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = db.getMetaData().getTables(null, postgresql ? "public" : "PUBLIC", "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase());
                }
            }
            assertTrue(tables.contains("trace_message"), tables.toString());
            assertTrue(tables.stream().noneMatch(t -> t.contains("regist") || t.contains("binding") || t.contains("location")),
                    tables.toString());
        }
    }
}
