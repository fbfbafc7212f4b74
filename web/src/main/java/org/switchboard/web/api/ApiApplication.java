package org.switchboard.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The subscriber's JSON API, behind the portal's own login session (web.xml: everything needs a login). */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
