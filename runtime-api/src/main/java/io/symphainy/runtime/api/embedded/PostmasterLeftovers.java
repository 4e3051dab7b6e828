package io.symphainy.runtime.api.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;

/**
 * Clears what a killed runtime leaves in the embedded data directory, so the server can start again.
 *
 * <p>PostgreSQL refuses to start while {@code postmaster.pid} names a live process. A killed runtime leaves one of two
 * things behind: a pid file whose process is gone (or whose pid now belongs to an unrelated process, common after a
 * container restart), or a postmaster that outlived the JVM because {@code pg_ctl} detached it. The postmaster is
 * recognised as an orphan when no process holds zonky's lock file in the same directory.
 */
final class PostmasterLeftovers {

    private static final String PID_FILE = "postmaster.pid";
    /** Zonky holds a file lock on this file for as long as its JVM uses the directory. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final String POSTGRES_EXECUTABLE = "postgres";

    private PostmasterLeftovers() {
    }

    static void clear(Path dataDirectory, Duration stopTimeout, Log log) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(PostmasterLeftovers::isPostgres);
        if (postmaster.isEmpty()) {
            Files.deleteIfExists(pidFile);
            log.info("Removed stale " + pidFile + " left by a server that is no longer running");
            return;
        }
        requireNoOtherOwner(dataDirectory);
        stopOrphan(postmaster.get(), stopTimeout, log);
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command()
                .map(command -> Path.of(command).getFileName().toString().equals(POSTGRES_EXECUTABLE))
                .orElse(false);
    }

    private static void requireNoOtherOwner(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Embedded PostgreSQL data directory " + dataDirectory
                        + " is in use by another process; stop it or set runtime.data-dir to another directory");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("Embedded PostgreSQL data directory " + dataDirectory
                    + " is already in use by this JVM outside the runtime's registry", e);
        }
    }

    private static void stopOrphan(ProcessHandle postmaster, Duration timeout, Log log) {
        log.info("Stopping PostgreSQL server (pid " + postmaster.pid() + ") orphaned by a previous runtime");
        // SIGTERM asks for a smart shutdown, which finishes at once because the dead JVM's sessions are gone.
        postmaster.destroy();
        try {
            postmaster.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping orphaned PostgreSQL " + postmaster.pid(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Orphaned PostgreSQL server (pid " + postmaster.pid()
                    + ") did not stop within " + timeout, e);
        }
    }
}
