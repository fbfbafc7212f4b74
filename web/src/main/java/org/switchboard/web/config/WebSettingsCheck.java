package org.switchboard.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Reads the portal's settings as the portal starts, so a missing or malformed value fails the
 * deployment naming the key, rather than the first sign-out.
 */
@WebListener
public class WebSettingsCheck implements ServletContextListener {

    @Inject
    WebSettings settings;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        settings.oidcClientId();
    }
}
