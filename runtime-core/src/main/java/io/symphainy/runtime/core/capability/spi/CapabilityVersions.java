package io.symphainy.runtime.core.capability.spi;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Capability versions: dotted numeric segments ({@code 1}, {@code 1.1}, {@code 2.0.3}) compared segment by segment as
 * numbers, so {@code 1 < 1.1 < 2 < 10}; a missing segment counts as 0, so {@code 1} and {@code 1.0} are equal.
 */
public final class CapabilityVersions {

    /** The version of a capability that declares none, and of every execution recorded before versions existed. */
    public static final String DEFAULT = "1";

    /** Orders versions from the oldest to the newest. */
    public static final Comparator<String> OLDEST_FIRST = CapabilityVersions::compare;

    private static final Pattern FORMAT = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");

    private CapabilityVersions() {
    }

    /** Whether the text is a version: one to four dot-separated numbers of at most nine digits each. */
    public static boolean isValid(String version) {
        return version != null && FORMAT.matcher(version).matches();
    }

    /** The recorded version, or {@link #DEFAULT} where none was recorded. */
    public static String orDefault(String version) {
        return version == null ? DEFAULT : version;
    }

    /** Negative, zero or positive as {@code left} is older than, the same as or newer than {@code right}. */
    public static int compare(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int order = Long.compare(segment(a, i), segment(b, i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private static long segment(String[] segments, int index) {
        return index < segments.length ? Long.parseLong(segments[index]) : 0;
    }
}
