package org.switchboard.application.signup;

/** What a visitor types on the sign-up page; {@code password} is the web password (kept by Keycloak only). */
public record SignUpForm(String sipUser, String firstName, String lastName, String email, String password) {
}
