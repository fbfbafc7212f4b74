package org.switchboard.application.config;

import java.util.List;

/** Settings that are missing or malformed; the message names each key and the form it expects. */
public class InvalidSettingsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid settings (switchboard.properties, or the run command's overrides):\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
