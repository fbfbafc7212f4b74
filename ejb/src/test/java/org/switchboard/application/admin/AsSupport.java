package org.switchboard.application.admin;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs test code as support staff would: with role support (the Arquillian tests have no login). */
@Stateless
@PermitAll
@RunAs(Staff.SUPPORT)
public class AsSupport {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
