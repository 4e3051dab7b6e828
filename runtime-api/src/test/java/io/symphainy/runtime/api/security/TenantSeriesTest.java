package io.symphainy.runtime.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TenantSeriesTest {

    private static final String SCRAPE = String.join("\n",
            "# HELP runtime_intents_accepted_total intents accepted",
            "# TYPE runtime_intents_accepted_total counter",
            "runtime_intents_accepted_total{capability=\"a.b\",tenant=\"tenant-a\"} 3.0",
            "runtime_intents_accepted_total{capability=\"a.b\",tenant=\"tenant-b\"} 5.0",
            "runtime_intents_accepted_total{tenant=\"tenant-a\\\"x\",capability=\"c\"} 1.0",
            "runtime_wal_size_events 42.0",
            "eventProcessor_latency{processorName=\"wal\"} 0.0",
            "");

    @Test
    void keepsTheTenantsSamplesAndTheRuntimeWideOnes() {
        assertThat(TenantSeries.keepTenant(SCRAPE, "tenant-a")).isEqualTo(String.join("\n",
                "# HELP runtime_intents_accepted_total intents accepted",
                "# TYPE runtime_intents_accepted_total counter",
                "runtime_intents_accepted_total{capability=\"a.b\",tenant=\"tenant-a\"} 3.0",
                "runtime_wal_size_events 42.0",
                "eventProcessor_latency{processorName=\"wal\"} 0.0",
                ""));
    }

    @Test
    void readsEscapedLabelValues() {
        assertThat(TenantSeries.tenantLabelOf("m{tenant=\"tenant-a\\\"x\",capability=\"c\"} 1.0"))
                .isEqualTo("tenant-a\"x");
        assertThat(TenantSeries.tenantLabelOf("m{path=\"a,tenant=\\\"b\\\"\"} 1.0")).isNull();
        assertThat(TenantSeries.tenantLabelOf("m 1.0")).isNull();
    }
}
