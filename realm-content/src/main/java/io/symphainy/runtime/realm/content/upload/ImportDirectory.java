package io.symphainy.runtime.realm.content.upload;

import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_FILE_NOT_FOUND;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_IMPORT_DISABLED;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_PATH_OUTSIDE_IMPORT_DIR;

import io.symphainy.runtime.core.capability.spi.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The one directory {@code file_path} uploads may read from. A path is relative to the directory or absolute (as the
 * planning documents pass it); it is refused when it contains a {@code ..} segment, when an absolute path does not
 * name a place under the directory (checked before the file system is asked, so nothing outside is probed), or when it
 * resolves (through symbolic links) to anything outside the directory.
 */
final class ImportDirectory {

    private final Path root;

    ImportDirectory(Path root) {
        this.root = root;
    }

    /** A readable regular file inside the directory, or the permanent failure that explains why not. */
    Resolved resolve(String filePath) {
        if (root == null) {
            return Resolved.refused(CONTENT_IMPORT_DISABLED, "file_path imports are disabled: "
                    + "RUNTIME_CONTENT_IMPORT_DIR is not set");
        }
        Path path;
        try {
            path = Path.of(filePath);
        } catch (InvalidPathException e) {
            return Resolved.refused(CONTENT_PATH_OUTSIDE_IMPORT_DIR, "file_path is not a valid path");
        }
        boolean climbs = false;
        for (Path part : path) {
            climbs |= part.toString().equals("..");
        }
        if (climbs || filePath.isBlank()) {
            return Resolved.refused(CONTENT_PATH_OUTSIDE_IMPORT_DIR,
                    "file_path must lead into the import directory, without '..'");
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = path.isAbsolute() ? path.normalize() : realRoot.resolve(path).normalize();
            if (path.isAbsolute() && !candidate.startsWith(realRoot)
                    && !candidate.startsWith(root.toAbsolutePath().normalize())) {
                return Resolved.refused(CONTENT_PATH_OUTSIDE_IMPORT_DIR,
                        "file_path is outside the import directory");
            }
            if (!Files.exists(candidate)) {
                return Resolved.refused(CONTENT_FILE_NOT_FOUND, "no file " + filePath + " in the import directory");
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot)) {
                return Resolved.refused(CONTENT_PATH_OUTSIDE_IMPORT_DIR,
                        "file_path leads outside the import directory through a symbolic link");
            }
            if (!Files.isRegularFile(real)) {
                return Resolved.refused(CONTENT_FILE_NOT_FOUND, file(filePath) + " is not a regular file");
            }
            return new Resolved(real, Files.size(real), null);
        } catch (IOException e) {
            return Resolved.refused(CONTENT_FILE_NOT_FOUND, file(filePath) + " cannot be read");
        }
    }

    private static String file(String filePath) {
        return "file_path " + filePath;
    }

    /** A resolved file and its size, or a failure. */
    record Resolved(Path path, long size, StepResult failure) {

        static Resolved refused(String code, String message) {
            return new Resolved(null, 0, StepResult.permanentFailure(code, message));
        }
    }
}
