package io.symphainy.runtime.api.security;

import java.util.Objects;

/**
 * Filters a Prometheus text exposition down to one tenant: sample lines with a {@code tenant} label naming another
 * tenant are dropped; comment lines and series without a tenant label (runtime-wide figures) are kept.
 */
final class TenantSeries {

    private static final String TENANT_LABEL = "tenant";

    private TenantSeries() {
    }

    /** The scrape without the samples of tenants other than {@code tenantId}. */
    static String keepTenant(String scrape, String tenantId) {
        StringBuilder kept = new StringBuilder(scrape.length());
        for (String line : scrape.split("\n", -1)) {
            String tenant = line.startsWith("#") ? null : tenantLabelOf(line);
            if (tenant == null || Objects.equals(tenant, tenantId)) {
                kept.append(line).append('\n');
            }
        }
        return kept.length() > 0 ? kept.substring(0, kept.length() - 1) : "";
    }

    /** The unescaped value of the sample line's {@code tenant} label, or null when it has none. */
    static String tenantLabelOf(String line) {
        int open = line.indexOf('{');
        int space = line.indexOf(' ');
        if (open < 0 || (space >= 0 && space < open)) {
            return null;
        }
        int i = open + 1;
        while (i < line.length() && line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return null;
            }
            String name = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                j++;
            }
            if (name.equals(TENANT_LABEL)) {
                return value.toString();
            }
            i = j + 1;
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            }
        }
        return null;
    }
}
