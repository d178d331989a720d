package org.dbb.console.core.auth;

/**
 * Shows a device-code challenge to the operator (a dialog in the console, a line on the command line). Called on
 * the sign-in thread, never the UI thread; it must return promptly, because the sign-in waits for the operator
 * in the background after it returns.
 */
@FunctionalInterface
public interface DeviceCodePrompt {

    /** Tell the operator to open {@code code.verificationUrl()} and enter {@code code.userCode()}. */
    void show(DeviceCode code);
}
