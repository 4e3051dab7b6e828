package io.symphainy.runtime.core.quota;

import java.util.Locale;

/**
 * The limits of a tenant's quota, as refusals and meters name them.
 */
public enum QuotaLimit {
    MAX_IN_FLIGHT,
    INTENTS_PER_SECOND,
    UPLOAD_BYTES_PER_DAY;

    /** The lowercase name used on the wire and in meters, e.g. {@code max_in_flight}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
