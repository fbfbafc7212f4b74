package org.switchboard.application.signup;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.switchboard.application.account.AccountService;
import org.switchboard.application.account.AccountSummary;
import org.switchboard.application.account.ContactRules;
import org.switchboard.application.account.KeycloakLogins;
import org.switchboard.application.account.LoginDirectoryException;
import org.switchboard.application.account.LoginRefusedException;
import org.switchboard.application.account.LoginTakenException;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.persistence.abuse.SignUpCountRepository;
import org.switchboard.persistence.account.AccountRepository;

/**
 * Sign-up in two steps. On the sign-up page a visitor chooses a SIP user name, which becomes their
 * Keycloak login ({@link #signUp}); at their first login the SIP account and its voicemail
 * settings are opened ({@link #openAtFirstLogin}), without SIP credentials: the subscriber sets the
 * SIP password on the Account page. Our page rather than Keycloak's registration form, because the
 * reserved names are a setting of ours and "taken" means taken in our account table too; each
 * refusal is shown beside its field.
 */
@Stateless
public class SignUps {

    private static final Logger LOG = Logger.getLogger(SignUps.class.getName());
    private static final int MAX_KEYCLOAK_NAME = 64;

    @Inject
    SipUserNameRules rules;

    @Inject
    AccountRepository accounts;

    @Inject
    KeycloakLogins logins;

    @Inject
    SwitchboardSettings settings;

    @EJB
    AccountService accountService;

    @Inject
    SignUpCountRepository signUpCounts;

    @Inject
    Clock clock;

    /**
     * Creates the visitor's login (the subscriber role, email not yet verified), if {@code
     * sourceAddress} has not had {@code switchboard.signup.per-address-per-day} sign-ups today.
     * Only a login made counts: a refusal rolls the count back with the transaction.
     *
     * @throws SignUpRefusedException naming each field that is refused and why
     */
    public void signUp(SignUpForm form, String sourceAddress) {
        String sipUser = trim(form.sipUser());
        Map<SignUpField, String> problems = new EnumMap<>(SignUpField.class);
        rules.problem(sipUser).ifPresentOrElse(
                problem -> problems.put(SignUpField.SIP_USER, problem),
                () -> {
                    if (accounts.existsBySipUser(sipUser, settings.sipDomain())) {
                        problems.put(SignUpField.SIP_USER, SipUserNameRules.taken(sipUser));
                    }
                });
        ContactRules.nameProblem(trim(form.firstName()), MAX_KEYCLOAK_NAME).ifPresent(p -> problems.put(SignUpField.FIRST_NAME, p));
        ContactRules.nameProblem(trim(form.lastName()), MAX_KEYCLOAK_NAME).ifPresent(p -> problems.put(SignUpField.LAST_NAME, p));
        ContactRules.emailProblem(trim(form.email())).ifPresent(p -> problems.put(SignUpField.EMAIL, p));
        if (form.password() == null || form.password().isEmpty()) {
            problems.put(SignUpField.PASSWORD, "Choose a password for the web login.");
        }
        if (!problems.isEmpty()) {
            throw new SignUpRefusedException(problems);
        }
        int limit = settings.signUpsPerAddressPerDay();
        if (!signUpCounts.take(today(), sourceAddress, limit)) {
            LOG.warning(() -> "Sign-up refused: " + sourceAddress + " had its " + limit + " sign-ups today");
            throw new SignUpRefusedException(Map.of(SignUpField.FORM, "Too many sign-ups from your network address today (at most "
                    + limit + " a day). No account was made; please try again tomorrow."));
        }
        try {
            logins.create(new KeycloakLogins.NewLogin(sipUser, trim(form.email()), trim(form.firstName()),
                    trim(form.lastName()), form.password()));
        } catch (LoginTakenException e) {
            throw new SignUpRefusedException(e.field() == LoginTakenException.Field.EMAIL
                    ? Map.of(SignUpField.EMAIL, "This email belongs to another account.")
                    : Map.of(SignUpField.SIP_USER, SipUserNameRules.taken(sipUser)));
        } catch (LoginRefusedException e) {
            // Keycloak's own words; what it refuses here is the password (its realm policy).
            SignUpField field = e.getMessage().toLowerCase(Locale.ROOT).contains("email") ? SignUpField.EMAIL : SignUpField.PASSWORD;
            throw new SignUpRefusedException(Map.of(field, e.getMessage()));
        } catch (LoginDirectoryException e) {
            LOG.log(Level.WARNING, "Sign-up failed: " + e.getMessage(), e);
            throw new SignUpRefusedException(Map.of(SignUpField.FORM, "Sign-up is not available at the moment. Please try again later."));
        }
        LOG.info(() -> "Signed up: login " + sipUser + " (its SIP account opens at the first login)");
    }

    /**
     * The login's account, opened now if this is its first login: with the display name and email
     * Keycloak has for it. A login whose name breaks the rules (made outside the sign-up page) gets
     * no account.
     *
     * @throws FirstLoginRefusedException saying why no account can be opened
     */
    public AccountSummary openAtFirstLogin(String login) {
        return accountService.findByLogin(login).orElseGet(() -> {
            rules.problem(login).ifPresent(problem -> {
                throw new FirstLoginRefusedException("Your login '" + login + "' cannot be a SIP user name: " + problem);
            });
            KeycloakLogins.Login details = logins.find(login)
                    .orElseThrow(() -> new FirstLoginRefusedException("Your login is not known to the sign-in service."));
            AccountSummary opened = accountService.provision(login, details.displayName(), details.email());
            LOG.info(() -> "First login: opened account " + opened.sipUri());
            return opened;
        });
    }

    /** Today in UTC: the day the sign-up limit counts in. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
