package org.switchboard.application.signup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.application.config.SwitchboardSettings;

/**
 * What a SIP user name chosen at sign-up must be. RFC 3261 (section 25.1, "user") allows far more
 * than this, but the name is also the Keycloak login and is typed into phones and dial pads, so
 * only lower-case letters, digits, '.', '_' and '-' are taken, starting with a letter (never a
 * digit, which phones would dial as a number). Its length and the reserved names are settings
 * ({@code switchboard.signup.*}). Uniqueness is checked where the names live: the account table
 * and Keycloak ({@link SignUps}).
 */
@ApplicationScoped
public class SipUserNameRules {

    private static final Pattern ALLOWED = Pattern.compile("[a-z][a-z0-9._-]*");

    @Inject
    SwitchboardSettings settings;

    /** For CDI. */
    public SipUserNameRules() {
    }

    /** Rules with these settings (unit tests). */
    public SipUserNameRules(SwitchboardSettings settings) {
        this.settings = settings;
    }

    /** Why the name cannot be a SIP user name, or empty when it can (taken or not). */
    public Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Choose a SIP user name.");
        }
        int min = settings.sipUserMinLength();
        int max = settings.sipUserMaxLength();
        if (name.length() < min || name.length() > max) {
            return Optional.of("Use " + min + " to " + max + " characters.");
        }
        if (!ALLOWED.matcher(name).matches()) {
            return Optional.of("Use lower-case letters, digits, '.', '_' and '-' only, starting with a letter.");
        }
        if (settings.reservedNames().contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + name + "' is reserved. Choose another name.");
        }
        return Optional.empty();
    }

    /** The message when another subscriber or login has the name. */
    static String taken(String name) {
        return "'" + name + "' is taken. Choose another name.";
    }
}
