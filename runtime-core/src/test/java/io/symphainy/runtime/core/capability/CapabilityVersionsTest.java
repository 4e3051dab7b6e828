package io.symphainy.runtime.core.capability;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityVersionsTest {

    @Test
    void comparesDottedNumbersSegmentBySegment() {
        List<String> versions = new ArrayList<>(List.of("10", "2", "1.1", "1", "1.0.1", "1.10", "1.9"));

        versions.sort(CapabilityVersions.OLDEST_FIRST);

        assertThat(versions).containsExactly("1", "1.0.1", "1.1", "1.9", "1.10", "2", "10");
        assertThat(CapabilityVersions.compare("1", "1.0")).isZero();
    }

    @Test
    void treatsAMissingVersionAsTheDefault() {
        assertThat(CapabilityVersions.orDefault(null)).isEqualTo("1");
        assertThat(CapabilityVersions.orDefault("3")).isEqualTo("3");
    }

    @Test
    void acceptsOnlyDottedNumbers() {
        assertThat(List.of("1", "0", "1.2", "2.0.3", "1.2.3.4")).allMatch(CapabilityVersions::isValid);
        assertThat(List.of("", "a", "1.", "1.a", "1.2.3.4.5", "v2")).noneMatch(CapabilityVersions::isValid);
        assertThat(CapabilityVersions.isValid(null)).isFalse();
    }
}
