package org.switchboard.e2e;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presses a button of a JSF form on a page the browser has open, as a user's click would post it:
 * every input of the form with the value the page shows, except those the test types in.
 */
final class JsfForm {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\\svalue=\"([^\"]*)\"");

    private JsfForm() {
    }

    static OidcBrowser.Page press(OidcBrowser browser, OidcBrowser.Page page, String formId, String buttonId)
            throws IOException, InterruptedException {
        return press(browser, page, formId, buttonId, Map.of());
    }

    /** @param typed input values by id within the form (e.g. "money-years"), replacing what the page shows */
    static OidcBrowser.Page press(OidcBrowser browser, OidcBrowser.Page page, String formId, String buttonId,
                                  Map<String, String> typed) throws IOException, InterruptedException {
        Filled filled = fill(page.uri(), page.body(), formId, buttonId, typed);
        return browser.post(filled.action().toString(), filled.fields());
    }

    /** What a press of the button posts: the form's action and its fields. */
    record Filled(URI action, Map<String, String> fields) {
    }

    /** The post a press of {@code buttonId} in {@code formId} of a page (at {@code uri}, HTML {@code body}) makes. */
    static Filled fill(URI uri, String body, String formId, String buttonId, Map<String, String> typed) {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"(.*?)</form>",
                Pattern.DOTALL).matcher(body);
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on " + uri + ":\n" + body);
        }
        Matcher viewState = VIEW_STATE.matcher(body);
        if (!viewState.find()) {
            throw new AssertionError("no JSF view state on " + uri);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(2));
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find()) {
                fields.put(name.group(1), value.find() ? value.group(1) : "");
            }
        }
        fields.put(formId, formId);
        typed.forEach((id, value) -> fields.put(formId + ":" + id, value));
        fields.put(formId + ":" + buttonId, "");
        fields.put("jakarta.faces.ViewState", viewState.group(1));
        return new Filled(uri.resolve(form.group(1).replace("&amp;", "&")), fields);
    }
}
