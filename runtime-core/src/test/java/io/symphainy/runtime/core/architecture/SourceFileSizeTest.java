package io.symphainy.runtime.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Small files: no production Java file of any module of the repository is over {@value #MAX_LINES} lines, so a
 * newcomer can read any class in one sitting. Walks every module's {@code src/main/java} from the project's root.
 */
class SourceFileSizeTest {

    private static final int MAX_LINES = 200;

    @Test
    void noProductionJavaFileIsOverTwoHundredLines() throws IOException {
        Path root = projectRoot();
        List<Path> sources = productionSources(root);
        List<String> tooLong = sources.stream()
                .filter(file -> lines(file) > MAX_LINES)
                .map(file -> root.relativize(file) + " (" + lines(file) + " lines)")
                .toList();

        assertThat(sources).as("production sources found under %s", root)
                .anySatisfy(file -> assertThat(file.toString()).contains("runtime-core"))
                .anySatisfy(file -> assertThat(file.toString()).contains("runtime-api"))
                .anySatisfy(file -> assertThat(file.toString()).contains("realm-content"));
        assertThat(tooLong).as("Java files under src/main over %d lines; split them by responsibility", MAX_LINES)
                .isEmpty();
    }

    /** The nearest directory upwards that holds the Maven wrapper: the repository's root. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root (the directory with mvnw) above the working directory").isNotNull();
        return dir;
    }

    private static List<Path> productionSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> root.relativize(file).toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(file -> !root.relativize(file).toString().replace('\\', '/').contains("/target/"))
                    .filter(file -> !root.relativize(file).startsWith(".git"))
                    .sorted()
                    .toList();
        }
    }

    private static int lines(Path file) {
        try {
            return Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
