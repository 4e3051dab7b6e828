package io.symphainy.runtime.core.observability;

import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import java.time.Duration;

/** A step registry's settings: counters report what happened in the last completed interval. */
record RecentIntervalConfig(Duration interval) implements SimpleConfig {

    @Override
    public String get(String key) {
        return null;
    }

    @Override
    public CountingMode mode() {
        return CountingMode.STEP;
    }

    @Override
    public Duration step() {
        return interval;
    }
}
