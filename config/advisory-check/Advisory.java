import java.util.List;
import java.util.Map;

/**
 * One advisory of the GitLab Advisory Database for one Maven package.
 *
 * @param identifiers    its ids: CVE, GHSA and others, the database's main one first
 * @param packageName    {@code groupId:artifactId}
 * @param title          one-line summary
 * @param affectedRange  the affected versions as Maven ranges
 * @param fixedVersions  the first fixed version of each affected line
 * @param rating         severity from its CVSS vector
 */
record Advisory(List<String> identifiers, String packageName, String title, String affectedRange,
        List<String> fixedVersions, CvssRating rating) {

    private static final String MAVEN_SLUG_PREFIX = "maven/";

    /** Reads one advisory file of the database. */
    static Advisory fromYaml(String yaml) {
        return fromFields(GitLabAdvisoryYaml.read(yaml));
    }

    private static Advisory fromFields(Map<String, List<String>> fields) {
        List<String> identifiers = fields.getOrDefault("identifiers", field(fields, "identifier"));
        String slug = single(fields, "package_slug");
        String packageName = slug.substring(MAVEN_SLUG_PREFIX.length()).replace('/', ':');
        return new Advisory(identifiers, packageName, single(fields, "title"), single(fields, "affected_range"),
                fields.getOrDefault("fixed_versions", List.of()),
                CvssRating.of(single(fields, "cvss_v3"), single(fields, "cvss_v2")));
    }

    /** Whether {@code version} of the package is affected. */
    boolean affects(String version) {
        return AffectedRange.contains(affectedRange, version);
    }

    /** The fixed versions newer than {@code version}, oldest first, or {@code none}. */
    String fixedVersionsAfter(String version) {
        List<String> newer = fixedVersions.stream()
                .filter(fixed -> AffectedRange.VERSION_ORDER.compare(fixed, version) > 0)
                .sorted(AffectedRange.VERSION_ORDER)
                .toList();
        return newer.isEmpty() ? "none" : String.join(" or ", newer);
    }

    /** The GHSA id, or the main id when it has none. */
    String ghsaId() {
        return identifiers.stream().filter(id -> id.startsWith("GHSA-")).findFirst().orElse(identifiers.get(0));
    }

    /** The ids other than {@link #ghsaId()}, CVEs first. */
    List<String> aliases() {
        return identifiers.stream()
                .filter(id -> !id.equals(ghsaId()))
                .sorted((a, b) -> Boolean.compare(!a.startsWith("CVE-"), !b.startsWith("CVE-")))
                .toList();
    }

    private static List<String> field(Map<String, List<String>> fields, String name) {
        return fields.getOrDefault(name, List.of());
    }

    private static String single(Map<String, List<String>> fields, String name) {
        List<String> values = field(fields, name);
        return values.isEmpty() ? "" : values.get(0);
    }
}
