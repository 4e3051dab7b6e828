package io.symphainy.runtime.api.crash;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where runtime processes of the crash tests write their output: the module's build directory, emptied per run. */
final class RuntimeLogs {

    private RuntimeLogs() {
    }

    static Path file(String name) throws IOException {
        try {
            Path testClasses = Path.of(RuntimeLogs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path log = testClasses.getParent().resolve(name);
            Files.deleteIfExists(log);
            return log;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
