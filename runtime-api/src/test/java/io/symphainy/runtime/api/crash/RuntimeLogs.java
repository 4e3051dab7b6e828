package io.symphainy.runtime.api.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Where runtime processes of the crash tests write their output: the module's build directory, emptied per run. */
final class RuntimeLogs {

    /** The start of a log entry: its timestamp; a line without one continues the entry before (a stack trace). */
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-");

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

    /**
     * The failures the runtimes logged while answering a request with a 500 (the handlers' "Unhandled failure" and
     * "failed outside the web layer" entries), each with its exceptions and the frame each was thrown from, so that an
     * assertion on an unexpected answer carries its cause: CI keeps the test's output, not the runtimes' log. Read
     * only when the assertion fails (pass it as the description's supplier).
     */
    static String requestFailures(Path log) {
        List<String> lines;
        try {
            lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < lines.size() && failures.size() < 3; i++) {
            String line = lines.get(i);
            if (line.contains("Unhandled failure of") || line.contains("failed outside the web layer")) {
                StringBuilder failure = new StringBuilder(line);
                for (int j = i + 1; j < lines.size() && !ENTRY.matcher(lines.get(j)).lookingAt(); j++) {
                    boolean frame = lines.get(j).startsWith("\tat ");
                    if (!frame || !lines.get(j - 1).startsWith("\tat ")) {
                        failure.append('\n').append(lines.get(j));
                    }
                }
                failures.add(failure.toString());
            }
        }
        return failures.isEmpty() ? "no request failure logged" : String.join("\n", failures);
    }
}
