package io.symphainy.runtime.api.admin;

import io.symphainy.runtime.api.admin.messages.ApiKeyId;

/**
 * A command named an API key that the caller's tenant never issued.
 */
public class ApiKeyNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ApiKeyNotFoundException(ApiKeyId keyId) {
        super("API key " + keyId + " not found");
    }
}
