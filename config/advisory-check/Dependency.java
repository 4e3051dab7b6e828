import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One resolved dependency version, as {@code mvn dependency:list} prints it.
 *
 * @param groupId    Maven group id
 * @param artifactId Maven artifact id
 * @param version    resolved version
 */
record Dependency(String groupId, String artifactId, String version) {

    /** The advisory database's name for the package: {@code groupId:artifactId}. */
    String packageName() {
        return groupId + ":" + artifactId;
    }

    /** The package URL that OWASP suppression rules match with {@code <packageUrl>}. */
    String packageUrl() {
        return "pkg:maven/" + groupId + "/" + artifactId + "@" + version;
    }

    /** The coordinates that OWASP suppression rules match with {@code <gav>}. */
    String gav() {
        return packageName() + ":" + version;
    }

    /**
     * Reads one module's file written by {@code dependency:list -DoutputFile=...}, adding to {@code usages} each
     * dependency with its use, e.g. {@code runtime-core (test)}. Its dependency lines are
     * {@code group:artifact:type[:classifier]:version:scope}, optionally followed by notes.
     */
    static void readList(String module, Path file, Map<Dependency, Set<String>> usages) throws IOException {
        for (String line : Files.readAllLines(file)) {
            String[] coordinates = line.strip().split("\\s+")[0].split(":");
            if (coordinates.length < 5 || coordinates.length > 6) {
                continue;
            }
            String version = coordinates[coordinates.length - 2];
            String scope = coordinates[coordinates.length - 1];
            usages.computeIfAbsent(new Dependency(coordinates[0], coordinates[1], version), d -> new LinkedHashSet<>())
                    .add(module + " (" + scope + ")");
        }
    }
}
