package io.symphainy.runtime.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Prometheus scrape credential.
 *
 * @param scrapeToken a secret Prometheus sends as {@code Authorization: Bearer <token>} to read
 *                    {@code /actuator/prometheus}; blank: only operator and admin credentials may read it
 */
@ConfigurationProperties("runtime.metrics")
public record ScrapeTokenProperties(String scrapeToken) {

    /** Whether a scrape token is configured. */
    public boolean enabled() {
        return scrapeToken != null && !scrapeToken.isBlank();
    }
}
