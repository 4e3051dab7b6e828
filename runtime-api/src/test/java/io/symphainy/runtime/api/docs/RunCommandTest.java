package io.symphainy.runtime.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runtime starts with the JVM options the project sets, the same wherever it is started: the README's run command,
 * the Dockerfile, and the benchmark that measures the heap they allow.
 */
class RunCommandTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern README_RUN = Pattern.compile(
            "&& java ((?:-\\S+ )*)-jar runtime-api/target/runtime-api\\.jar");
    private static final Pattern DOCKER_ENTRYPOINT = Pattern.compile(
            "ENTRYPOINT \\[\"java\", ((?:\"-[^\"]+\", )*)\"-jar\"");
    private static final Pattern BENCH_OPTIONS = Pattern.compile("RUN_OPTIONS = List\\.of\\(([^)]*)\\)");

    @Test
    void theReadmeTheDockerfileAndTheBenchmarkStartTheRuntimeWithTheSameOptions() throws IOException {
        List<String> readme = options(match(README_RUN, "README.md").replace(" ", ","));
        List<String> docker = options(match(DOCKER_ENTRYPOINT, "Dockerfile"));
        List<String> bench = options(match(BENCH_OPTIONS,
                "bench/src/main/java/io/symphainy/runtime/bench/runtime/RuntimeProcess.java"));

        assertThat(readme).as("the README's run command sets the heap").anyMatch(option -> option.startsWith("-Xmx"));
        assertThat(docker).isEqualTo(readme);
        assertThat(bench).isEqualTo(readme);
    }

    private static String match(Pattern pattern, String file) throws IOException {
        Matcher matcher = pattern.matcher(Files.readString(PROJECT.resolve(file)));
        assertThat(matcher.find()).as("the run options in %s", file).isTrue();
        return matcher.group(1);
    }

    private static List<String> options(String listed) {
        return Arrays.stream(listed.split(",")).map(option -> option.replace("\"", "").strip())
                .filter(option -> !option.isEmpty()).toList();
    }
}
