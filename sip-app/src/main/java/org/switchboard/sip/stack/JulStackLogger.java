package org.switchboard.sip.stack;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JAIN-SIP stack's logger, writing to java.util.logging (category {@code gov.nist.javax.sip},
 * so WildFly's logging subsystem filters it like any other). Without it the stack loads its log4j
 * 1.x logger, which is neither shipped nor wanted. Named in the stack property
 * {@code gov.nist.javax.sip.STACK_LOGGER}; the stack instantiates it by reflection.
 */
public class JulStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("gov.nist.javax.sip");

    private volatile boolean enabled = true;

    /** Maps the stack's levels (TRACE_ERROR=4 ... TRACE_TRACE=64) onto JUL levels. */
    static Level julLevel(int stackLevel) {
        if (stackLevel <= TRACE_ERROR) {
            return Level.SEVERE;
        } else if (stackLevel <= TRACE_WARN) {
            return Level.WARNING;
        } else if (stackLevel <= TRACE_INFO) {
            return Level.FINE; // the stack's INFO is chatty (it logs every message): keep it below INFO
        } else if (stackLevel <= TRACE_DEBUG) {
            return Level.FINER;
        }
        return Level.FINEST;
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        Level level = julLevel(traceLevel);
        if (enabled && LOG.isLoggable(level)) {
            LOG.log(level, "stack trace", new Throwable("stack trace requested by JAIN-SIP"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        if (enabled) {
            LOG.log(Level.WARNING, "JAIN-SIP exception", ex);
        }
    }

    @Override
    public void logDebug(String message) {
        log(Level.FINER, message, null);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log(Level.FINER, message, ex);
    }

    @Override
    public void logTrace(String message) {
        log(Level.FINEST, message, null);
    }

    @Override
    public void logFatalError(String message) {
        log(Level.SEVERE, message, null);
    }

    @Override
    public void logError(String message) {
        log(Level.SEVERE, message, null);
    }

    @Override
    public void logError(String message, Exception ex) {
        log(Level.SEVERE, message, ex);
    }

    @Override
    public void logWarning(String message) {
        log(Level.WARNING, message, null);
    }

    @Override
    public void logInfo(String message) {
        log(Level.FINE, message, null);
    }

    private void log(Level level, String message, Throwable ex) {
        if (enabled && loggable(level)) {
            LOG.log(level, message, ex);
        }
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled;
    }

    /** The stack asks before building expensive messages: answer from JUL's configuration. */
    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel == TRACE_MESSAGES && StackMessages.installed()) {
            // The stack hands messages to the server logger only at this level (= TRACE_INFO: its
            // info lines are then built too, and dropped below INFO by julLevel).
            return true;
        }
        return enabled && loggable(julLevel(logLevel));
    }

    /**
     * JUL's answer, read again at most once a second: the stack asks several times per message,
     * and the log manager's check was 3 % of a REGISTER's CPU. A level changed in WildFly's
     * logging subsystem is so seen within a second.
     */
    private boolean loggable(Level level) {
        long now = System.nanoTime();
        if (now - thresholdReadAt > 1_000_000_000L) {
            // isLoggable is a threshold on the level: the lowest of the stack's levels JUL takes.
            int lowest = Integer.MAX_VALUE;
            for (Level candidate : new Level[] {Level.SEVERE, Level.WARNING, Level.FINE, Level.FINER, Level.FINEST}) {
                if (LOG.isLoggable(candidate)) {
                    lowest = candidate.intValue();
                }
            }
            threshold = lowest;
            thresholdReadAt = now;
        }
        return level.intValue() >= threshold;
    }

    private volatile int threshold = Integer.MAX_VALUE;
    private volatile long thresholdReadAt = System.nanoTime() - 2_000_000_000L;

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.fine(() -> "JAIN-SIP build " + buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Levels come from WildFly's logging configuration, not from stack properties.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
