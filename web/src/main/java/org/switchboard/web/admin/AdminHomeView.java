package org.switchboard.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.switchboard.application.account.AccountService;
import org.switchboard.persistence.account.AccountStatus;

/** The admin console's landing page (role support, enforced in web.xml). */
@Named
@RequestScoped
public class AdminHomeView {

    @Inject
    AccountService accounts;

    private Map<AccountStatus, Long> counts;

    @PostConstruct
    void load() {
        counts = accounts.countByStatus();
    }

    public long getActive() {
        return counts.get(AccountStatus.ACTIVE);
    }

    public long getBlocked() {
        return counts.get(AccountStatus.BLOCKED);
    }

    public long getClosed() {
        return counts.get(AccountStatus.CLOSED);
    }
}
