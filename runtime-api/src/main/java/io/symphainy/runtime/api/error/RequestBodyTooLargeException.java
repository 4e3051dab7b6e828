package io.symphainy.runtime.api.error;

import java.io.IOException;

/**
 * Thrown while reading a request body that grows beyond the configured limit.
 *
 * <p>It is an {@link IOException} on purpose: Jackson and Spring pass I/O failures of the body stream through
 * unchanged (or wrapped with the cause kept), whereas runtime exceptions would be re-wrapped as mapping errors and
 * misreported as bad JSON.
 */
public class RequestBodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long maxBodyBytes;

    public RequestBodyTooLargeException(long maxBodyBytes) {
        super("Request body exceeds " + maxBodyBytes + " bytes");
        this.maxBodyBytes = maxBodyBytes;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }
}
