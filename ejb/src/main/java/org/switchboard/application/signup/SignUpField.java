package org.switchboard.application.signup;

/** The fields of the sign-up page a refusal can point at. */
public enum SignUpField { SIP_USER, FIRST_NAME, LAST_NAME, EMAIL, PASSWORD, /** the whole form: a notice, not beside a field */ FORM }
