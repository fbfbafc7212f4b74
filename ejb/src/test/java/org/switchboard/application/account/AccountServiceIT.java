package org.switchboard.application.account;

import org.switchboard.persistence.account.AccountStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.switchboard.application.ArquillianDeployments;

/**
 * In a managed WildFly configured by wildfly-config (datasource, properties): the schema
 * startup migrated the database, and accounts keep their SIP password only as digest hashes.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    @Deployment
    static WebArchive deployment() {
        return ArquillianDeployments.services("account-service-it", AccountServiceIT.class);
    }

    @EJB
    AccountService accounts;

    @Resource(lookup = "java:jboss/datasources/SwitchboardDS")
    DataSource dataSource;

    @Test
    void schemaWasMigratedAtStartup() throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*), SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END) FROM \"flyway_schema_history\"");
             ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next());
            assertTrue(rs.getInt(1) >= 1, "migrations recorded");
            assertEquals(0, rs.getInt(2), "no failed migration");
        }
    }

    @Test
    void openedAccountKeepsOnlyDigestHashesOfTheSipPassword() throws Exception {
        String user = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        AccountSummary opened = accounts.open(user, "IT User", user + "@localhost", password);

        assertEquals("sip:" + user + "@localhost", opened.sipUri());
        assertEquals(AccountStatus.ACTIVE, accounts.findByLogin(user).orElseThrow().status());

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM sip_credential WHERE account_id = ?")) {
            s.setLong(1, opened.id());
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(hex("MD5", user + ":localhost:" + password), rs.getString("ha1_md5"));
                assertEquals(hex("SHA-256", user + ":localhost:" + password), rs.getString("ha1_sha256"));
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String value = rs.getString(i);
                    assertFalse(value != null && value.contains(password), "clear password in column " + meta.getColumnName(i));
                }
            }
        }
    }

    @Test
    void aSecondAccountWithTheSameSipUserIsRefused() {
        String user = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(user, "First", user + "@localhost", "first-password");
        assertThrows(AccountExistsException.class, () -> accounts.open(user, "Second", user + "@localhost", "second-password"));
        assertEquals("First", accounts.findByLogin(user).orElseThrow().displayName());
    }

    private static String hex(String algorithm, String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
