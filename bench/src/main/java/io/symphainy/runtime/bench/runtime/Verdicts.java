package io.symphainy.runtime.bench.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** A figure against its target, as the report's JSON holds it ({@code {value, target, comparison, verdict}}). */
final class Verdicts {

    private Verdicts() {
    }

    /** The figure passes when it is at most the target; a figure not measured (NaN) is short. */
    static Map<String, Object> atMost(double value, double target) {
        return target(value, target, value <= target, "<=");
    }

    /** The figure passes when it is at least the target; a figure not measured (NaN) is short. */
    static Map<String, Object> atLeast(double value, double target) {
        return target(value, target, value >= target, ">=");
    }

    private static Map<String, Object> target(double value, double target, boolean pass, String comparison) {
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("value", Stats.round(value));
        verdict.put("target", Stats.round(target));
        verdict.put("comparison", comparison);
        verdict.put("verdict", Double.isFinite(value) && pass ? "pass" : "short");
        return verdict;
    }

    /** The verdict of the section's figure under {@code key}, with its target, for the printed table. */
    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> section, String key) {
        Map<String, Object> verdict = (Map<String, Object>) section.get(key);
        return verdict.get("verdict") + " (target " + verdict.get("comparison") + " " + verdict.get("target") + ")";
    }
}
