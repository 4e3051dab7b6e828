package io.symphainy.runtime.core.capability.spi;

/**
 * How much harm a capability can do when it runs; policy rules match on it. Unrated capabilities count as HIGH.
 */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
