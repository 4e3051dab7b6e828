package io.symphainy.runtime.realm.content.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.realm.content.ContentFailureCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code file_path} import reads only regular files inside the import directory, however the path is written.
 */
class ImportDirectoryTest {

    @TempDir
    Path work;
    private Path root;
    private Path secret;
    private ImportDirectory imports;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(work.resolve("imports"));
        Files.createDirectories(root.resolve("reports"));
        Files.writeString(root.resolve("reports/q3.txt"), "quarterly figures");
        secret = Files.writeString(work.resolve("secret.txt"), "not for import");
        imports = new ImportDirectory(root);
    }

    @Test
    void resolvesARegularFileInsideTheDirectory() throws IOException {
        ImportDirectory.Resolved resolved = imports.resolve("reports/q3.txt");

        assertThat(resolved.failure()).isNull();
        assertThat(resolved.path()).isEqualTo(root.resolve("reports/q3.txt").toRealPath());
        assertThat(resolved.size()).isEqualTo("quarterly figures".length());
    }

    @Test
    void refusesClimbingOutWithDotDot() {
        assertRefused(imports.resolve("../secret.txt"), ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
        assertRefused(imports.resolve("reports/../../secret.txt"), ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
    }

    @Test
    void acceptsAnAbsolutePathInsideTheDirectory() throws IOException {
        ImportDirectory.Resolved resolved = imports.resolve(root.resolve("reports/q3.txt").toString());

        assertThat(resolved.failure()).isNull();
        assertThat(resolved.path()).isEqualTo(root.resolve("reports/q3.txt").toRealPath());
    }

    @Test
    void refusesAnAbsolutePathOutsideTheDirectoryWithoutSayingWhetherItExists() {
        assertRefused(imports.resolve(secret.toString()), ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
        assertRefused(imports.resolve(work.resolve("missing.txt").toString()),
                ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
        assertRefused(imports.resolve(root.resolve("../secret.txt").toString()),
                ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
    }

    @Test
    void refusesAnAbsolutePathThroughALinkInsideThatLeadsOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("elsewhere"), work);

        assertRefused(imports.resolve(root.resolve("elsewhere/secret.txt").toString()),
                ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
    }

    @Test
    void acceptsAnAbsolutePathThroughTheDirectorysRealLocation() throws IOException {
        Path linkedRoot = Files.createSymbolicLink(work.resolve("imports-link"), root);

        ImportDirectory.Resolved resolved = new ImportDirectory(linkedRoot).resolve(
                root.resolve("reports/q3.txt").toString());

        assertThat(resolved.failure()).isNull();
    }

    @Test
    void refusesASymbolicLinkThatLeadsOutside() throws IOException {
        Files.createSymbolicLink(root.resolve("shortcut.txt"), secret);
        Files.createSymbolicLink(root.resolve("elsewhere"), work);

        assertRefused(imports.resolve("shortcut.txt"), ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
        assertRefused(imports.resolve("elsewhere/secret.txt"), ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
    }

    @Test
    void followsASymbolicLinkThatStaysInside() throws IOException {
        Files.createSymbolicLink(root.resolve("latest.txt"), root.resolve("reports/q3.txt"));

        assertThat(imports.resolve("latest.txt").failure()).isNull();
    }

    @Test
    void refusesDirectoriesMissingFilesAndBlankPaths() {
        assertRefused(imports.resolve("reports"), ContentFailureCodes.CONTENT_FILE_NOT_FOUND);
        assertRefused(imports.resolve("reports/q4.txt"), ContentFailureCodes.CONTENT_FILE_NOT_FOUND);
        assertRefused(imports.resolve(" "), ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR);
    }

    @Test
    void refusesEveryPathWhenNoImportDirectoryIsConfigured() {
        assertRefused(new ImportDirectory(null).resolve("reports/q3.txt"),
                ContentFailureCodes.CONTENT_IMPORT_DISABLED);
    }

    private static void assertRefused(ImportDirectory.Resolved resolved, String code) {
        assertThat(resolved.failure()).isInstanceOf(StepResult.Failed.class);
        StepResult.Failed failure = (StepResult.Failed) resolved.failure();
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.retryable()).isFalse();
    }
}
