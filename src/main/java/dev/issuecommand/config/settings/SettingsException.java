package dev.issuecommand.config.settings;

/** A setting with a missing or unusable value; its message names the variable and, unless secret, the value. */
public class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }
}
