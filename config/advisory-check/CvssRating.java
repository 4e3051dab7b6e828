import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An advisory's severity: the CVSS v3 base score of its vector, or the v2 one when it has no v3 vector, rated as the
 * NVD rates them (v3: LOW, MEDIUM, HIGH from 7.0, CRITICAL from 9.0; v2: HIGH from 7.0). UNRATED when it has neither.
 *
 * @param severity LOW, MEDIUM, HIGH, CRITICAL or UNRATED
 * @param score    base score, 0 when unrated
 * @param vector   the vector it was computed from
 */
record CvssRating(String severity, double score, String vector) {

    private static final List<String> V3_METRICS = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");
    private static final List<String> V2_METRICS = List.of("AV", "AC", "Au", "C", "I", "A");

    /** Rates an advisory from its vectors; either may be empty. A vector missing a base metric is not used. */
    static CvssRating of(String v3Vector, String v2Vector) {
        Map<String, String> v3 = metrics(v3Vector);
        if (v3.keySet().containsAll(V3_METRICS)) {
            double score = v3Score(v3);
            String severity = score >= 9 ? "CRITICAL" : score >= 7 ? "HIGH" : score >= 4 ? "MEDIUM" : "LOW";
            return new CvssRating(severity, score, v3Vector);
        }
        Map<String, String> v2 = metrics(v2Vector);
        if (v2.keySet().containsAll(V2_METRICS)) {
            double score = v2Score(v2);
            return new CvssRating(score >= 7 ? "HIGH" : score >= 4 ? "MEDIUM" : "LOW", score, v2Vector);
        }
        return new CvssRating("UNRATED", 0, "");
    }

    /** Whether a finding of this severity fails the check unless it is recorded. */
    boolean isHighOrWorse() {
        return severity.equals("HIGH") || severity.equals("CRITICAL") || severity.equals("UNRATED");
    }

    private static Map<String, String> metrics(String vector) {
        Map<String, String> metrics = new HashMap<>();
        for (String part : vector.split("/")) {
            String[] metric = part.split(":");
            if (metric.length == 2) {
                metrics.put(metric[0], metric[1]);
            }
        }
        return metrics;
    }

    /** CVSS v3.1 base score (specification section 7.1). */
    private static double v3Score(Map<String, String> m) {
        boolean scopeChanged = "C".equals(m.get("S"));
        double attackVector = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        double complexity = pick(m.get("AC"), "L", 0.77, "H", 0.44);
        double privileges = scopeChanged
                ? pick(m.get("PR"), "N", 0.85, "L", 0.68, "H", 0.5)
                : pick(m.get("PR"), "N", 0.85, "L", 0.62, "H", 0.27);
        double interaction = pick(m.get("UI"), "N", 0.85, "R", 0.62);
        double iss = 1 - (1 - v3Impact(m.get("C"))) * (1 - v3Impact(m.get("I"))) * (1 - v3Impact(m.get("A")));
        double impact = scopeChanged ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        if (impact <= 0) {
            return 0;
        }
        double exploitability = 8.22 * attackVector * complexity * privileges * interaction;
        return roundUp(Math.min(scopeChanged ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
    }

    private static double v3Impact(String value) {
        return pick(value, "H", 0.56, "L", 0.22, "N", 0);
    }

    /** CVSS v2 base score (specification section 3.2.1). */
    private static double v2Score(Map<String, String> m) {
        double impact = 10.41
                * (1 - (1 - v2Impact(m.get("C"))) * (1 - v2Impact(m.get("I"))) * (1 - v2Impact(m.get("A"))));
        double exploitability = 20 * pick(m.get("AV"), "L", 0.395, "A", 0.646, "N", 1.0)
                * pick(m.get("AC"), "H", 0.35, "M", 0.61, "L", 0.71)
                * pick(m.get("Au"), "M", 0.45, "S", 0.56, "N", 0.704);
        double score = (0.6 * impact + 0.4 * exploitability - 1.5) * (impact == 0 ? 0 : 1.176);
        return Math.round(score * 10) / 10.0;
    }

    private static double v2Impact(String value) {
        return pick(value, "N", 0, "P", 0.275, "C", 0.66);
    }

    /** The CVSS v3.1 Roundup function: the smallest one-decimal number not below {@code value}. */
    private static double roundUp(double value) {
        long scaled = Math.round(value * 100_000);
        return scaled % 10_000 == 0 ? scaled / 100_000.0 : (Math.floor(scaled / 10_000.0) + 1) / 10.0;
    }

    /** The weight paired with {@code value} in {@code pairs} (value, weight, value, weight, ...); 0 when absent. */
    private static double pick(String value, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(value)) {
                return ((Number) pairs[i + 1]).doubleValue();
            }
        }
        return 0;
    }
}
