package io.symphainy.runtime.core.capability;

/**
 * A capability definition the Curator refuses at start-up; the message names the capability and the broken rule.
 */
public class CapabilityRegistrationException extends IllegalStateException {

    public CapabilityRegistrationException(String message) {
        super(message);
    }

    public CapabilityRegistrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
