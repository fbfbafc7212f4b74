package org.switchboard.web.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.switchboard.application.retention.PrivacyNotice;

/** Privacy: what is kept, in what form, how long and who sees it, from the live retention settings. */
@Named
@RequestScoped
public class PrivacyView {

    @Inject
    PrivacyNotice notice;

    private List<PrivacyNotice.Item> items;

    public List<PrivacyNotice.Item> getItems() {
        if (items == null) {
            items = notice.items();
        }
        return items;
    }

    public String getRunTime() {
        return notice.runTime();
    }
}
