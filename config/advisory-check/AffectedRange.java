import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.InvalidVersionSpecificationException;
import org.apache.maven.artifact.versioning.VersionRange;

/**
 * The versions an advisory affects, written as Maven version ranges ({@code [1.0,1.2.3),[2.0,2.0.4)}), and compared
 * with Maven's own {@code ComparableVersion} ordering. Each bracketed range is read on its own, so ranges listed out
 * of order or overlapping still count. {@code (v)} affects nothing (the database's mark of a withdrawn advisory).
 * A range Maven cannot read counts as affecting every version, so that it is looked at rather than lost.
 */
final class AffectedRange {

    /** Maven's ordering of versions. */
    static final Comparator<String> VERSION_ORDER = Comparator.comparing(DefaultArtifactVersion::new);

    private static final Pattern ONE_RANGE = Pattern.compile("[\\[(][^\\])]*[\\])]");
    private static final Pattern EXCLUSIVE_SINGLE_VERSION = Pattern.compile("\\([^,]*\\)");

    private AffectedRange() {
    }

    /** Whether {@code version} lies in any of the ranges of {@code ranges}. */
    static boolean contains(String ranges, String version) {
        DefaultArtifactVersion candidate = new DefaultArtifactVersion(version);
        Matcher range = ONE_RANGE.matcher(ranges.replaceAll("\\s", ""));
        while (range.find()) {
            if (EXCLUSIVE_SINGLE_VERSION.matcher(range.group()).matches()) {
                continue;
            }
            try {
                if (VersionRange.createFromVersionSpec(range.group()).containsVersion(candidate)) {
                    return true;
                }
            } catch (InvalidVersionSpecificationException unreadable) {
                return true;
            }
        }
        return false;
    }
}
