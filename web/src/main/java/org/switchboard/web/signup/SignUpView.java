package org.switchboard.web.signup;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.switchboard.application.config.SwitchboardSettings;
import org.switchboard.application.signup.SignUpField;
import org.switchboard.application.signup.SignUpForm;
import org.switchboard.application.signup.SignUpRefusedException;
import org.switchboard.application.signup.SignUps;

/** The public sign-up page: a refusal is shown beside the field it concerns. */
@Named
@RequestScoped
public class SignUpView {

    private static final Map<SignUpField, String> FIELD_IDS = Map.of(
            SignUpField.SIP_USER, "signup:sip-user",
            SignUpField.FIRST_NAME, "signup:first-name",
            SignUpField.LAST_NAME, "signup:last-name",
            SignUpField.EMAIL, "signup:email",
            SignUpField.PASSWORD, "signup:password");

    @Inject
    SignUps signUps;

    @Inject
    SwitchboardSettings settings;

    @Inject
    HttpServletRequest request;

    private String sipUser;
    private String firstName;
    private String lastName;
    private String email;
    private String password;
    private String repeatPassword;
    private boolean done;

    public void signUp() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (password == null || !password.equals(repeatPassword)) {
            error(faces, "signup:repeat", "The two passwords differ.");
            return;
        }
        try {
            // The sign-up limit counts per source address: the peer of this connection.
            signUps.signUp(new SignUpForm(sipUser, firstName, lastName, email, password), request.getRemoteAddr());
            done = true;
        } catch (SignUpRefusedException e) {
            e.problems().forEach((field, problem) -> error(faces, FIELD_IDS.get(field), problem));
        }
    }

    private static void error(FacesContext faces, String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getSipDomain() {
        return settings.sipDomain();
    }

    public int getMinLength() {
        return settings.sipUserMinLength();
    }

    public int getMaxLength() {
        return settings.sipUserMaxLength();
    }

    public boolean isDone() {
        return done;
    }

    public String getSipUser() {
        return sipUser;
    }

    public void setSipUser(String sipUser) {
        this.sipUser = sipUser;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
