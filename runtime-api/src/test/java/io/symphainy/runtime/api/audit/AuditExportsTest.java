package io.symphainy.runtime.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * CSV quoting of the audit export (RFC 4180).
 */
class AuditExportsTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(AuditExports.quote("plain")).isEqualTo("plain");
        assertThat(AuditExports.quote("")).isEqualTo("");
        assertThat(AuditExports.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExports.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExports.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
