package org.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Support staff edit the retention settings in the admin console; the seven years of money records hold. */
@ExtendWith(RunningService.class)
class RetentionSettingsIT {

    @Test
    void shorteningTheMoneyRecordsIsRefusedWithAClearMessage() throws Exception {
        OidcBrowser carol = signedInCarol();
        OidcBrowser.Page admin = carol.get(adminPage());
        assertEquals("7", field(admin, "money-years"));

        OidcBrowser.Page refused = JsfForm.press(carol, admin, "retention-settings", "save",
                Map.of("money-years", "6", "trace-days", "0"));
        assertEquals(200, refused.status(), refused.body());
        assertTrue(refused.body().contains("Not saved."), refused.body());
        assertTrue(refused.body().contains("Money records must be kept at least 7 years after the purchase"), refused.body());
        assertTrue(refused.body().contains("Session traces must be kept at least 1 day, not 0."), refused.body());
        assertFalse(refused.body().contains("Exception"), "no stack trace: " + refused.body());

        OidcBrowser.Page reloaded = carol.get(adminPage());
        assertEquals("7", field(reloaded, "money-years"), "nothing was saved");
        assertEquals("7", field(reloaded, "trace-days"));
    }

    @Test
    void aValidChangeIsSavedAndMovesTheNightlyRun() throws Exception {
        OidcBrowser carol = signedInCarol();
        OidcBrowser.Page admin = carol.get(adminPage());
        String minute = field(admin, "run-minute");
        try {
            OidcBrowser.Page saved = JsfForm.press(carol, admin, "retention-settings", "save", Map.of("run-minute", "45"));
            assertTrue(saved.body().contains("Retention settings saved."), saved.body());
            assertEquals("45", field(carol.get(adminPage()), "run-minute"));
            assertTrue(saved.body().matches("(?s).*Next nightly run: <span id=\"retention-next-run\">[^<]*:45 .*"), saved.body());
        } finally {
            OidcBrowser.Page again = carol.get(adminPage());
            JsfForm.press(carol, again, "retention-settings", "save", Map.of("run-minute", minute));
        }
    }

    private static OidcBrowser signedInCarol() throws Exception {
        OidcBrowser carol = new OidcBrowser();
        carol.login(RunningService.portal(), "carol", "demo-carol-1");
        return carol;
    }

    private static String adminPage() {
        return RunningService.portal() + "admin/index.xhtml";
    }

    private static String field(OidcBrowser.Page page, String id) {
        Matcher m = Pattern.compile("<input[^>]*name=\"retention-settings:" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no field " + id + " on " + page.uri());
        }
        return m.group(1);
    }
}
