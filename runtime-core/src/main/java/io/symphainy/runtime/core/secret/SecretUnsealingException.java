package io.symphainy.runtime.core.secret;

/** A sealed secret that does not open: another key, another context, or an altered value. Never holds the secret. */
public class SecretUnsealingException extends RuntimeException {

    public SecretUnsealingException(String message) {
        super(message);
    }
}
