package org.switchboard.e2e;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Presses a button of a JSF form on a page the browser has open, as a user's click would post it. */
final class JsfForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private JsfForm() {
    }

    static OidcBrowser.Page press(OidcBrowser browser, OidcBrowser.Page page, String formId, String buttonId)
            throws IOException, InterruptedException {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on " + page.uri() + ":\n" + page.body());
        }
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (!viewState.find()) {
            throw new AssertionError("no JSF view state on " + page.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        fields.put(formId + ":" + buttonId, "");
        fields.put("jakarta.faces.ViewState", viewState.group(1));
        URI action = page.uri().resolve(form.group(1).replace("&amp;", "&"));
        return browser.post(action.toString(), fields);
    }
}
