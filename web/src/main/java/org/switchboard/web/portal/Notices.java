package org.switchboard.web.portal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Messages beside a field or as a page notice, and the 404 a view answers for what is not the subscriber's. */
public final class Notices {

    private Notices() {
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** An error shown by the p:message of the field with this client id. */
    public static void fieldError(String clientId, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    /** A date range whose first day is after its last: said beside the first day's field. */
    public static void checkDayRange(String fromClientId, java.time.LocalDate from, java.time.LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            fieldError(fromClientId, "The first day must not be after the last day.");
        }
    }

    /** Answers 404 and renders nothing more; another account's id looks exactly like a missing one. */
    public static void notFound() {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(404, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
