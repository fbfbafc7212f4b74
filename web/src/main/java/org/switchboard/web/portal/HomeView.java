package org.switchboard.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.switchboard.application.account.AccountService;
import org.switchboard.persistence.account.AccountStatus;
import org.switchboard.application.account.AccountSummary;

/** The subscriber's home page: their own SIP address and account status, found by their login. */
@Named
@RequestScoped
public class HomeView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    // The login of the signed-in user (the Keycloak username, see oidc.json principal-attribute).
    @Inject
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    private Optional<AccountSummary> account = Optional.empty();
    private Optional<Instant> deletionRequestedAt = Optional.empty();

    @PostConstruct
    void load() {
        account = accounts.findByLogin(login());
        deletionRequestedAt = accounts.pendingDeletion(login());
    }

    public boolean isDeletionRequested() {
        return deletionRequestedAt.isPresent();
    }

    public String getDeletionRequestedOn() {
        return deletionRequestedAt.map(DAY::format).orElse("");
    }

    private String login() {
        return request.getUserPrincipal().getName();
    }

    public boolean isHasAccount() {
        return account.isPresent();
    }

    public String getDisplayName() {
        return account.map(AccountSummary::displayName).filter(n -> !n.isBlank()).orElse(login());
    }

    public String getSipAddress() {
        return account.map(AccountSummary::sipUri).orElse("");
    }

    public String getEmail() {
        return account.map(AccountSummary::email).orElse("");
    }

    public String getStatus() {
        return account.map(a -> a.status().name().toLowerCase()).orElse("");
    }

    /** PrimeFaces tag colour for the status. */
    public String getStatusSeverity() {
        AccountStatus status = account.map(AccountSummary::status).orElse(AccountStatus.CLOSED);
        return switch (status) {
            case ACTIVE -> "success";
            case BLOCKED -> "danger";
            case CLOSED -> "secondary";
        };
    }

    public String getCreatedOn() {
        return account.map(a -> DAY.format(a.createdAt())).orElse("");
    }
}
