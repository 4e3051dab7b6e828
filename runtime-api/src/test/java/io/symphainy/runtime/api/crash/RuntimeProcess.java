package io.symphainy.runtime.api.crash;

import io.symphainy.runtime.api.RuntimeApplication;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime as a separate operating-system process on a given database, so a test can kill it without warning.
 */
final class RuntimeProcess {

    /** Generous: a loaded two-core machine can take minutes to start a second JVM. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final Process process;
    private final int port;
    private Duration startedIn;

    private RuntimeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RuntimeProcess start(TestDatabase database, Path keysFile, Path log, String... arguments)
            throws IOException, InterruptedException {
        return start(database, keysFile, log, StartupArchive.prepared(), arguments);
    }

    /** Starts a runtime on the given classpath with extra JVM options (the startup archive's, for instance). */
    static RuntimeProcess start(TestDatabase database, Path keysFile, Path log, StartupArchive.Prepared launch,
                                String... arguments) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // A lean start: the client compiler only and a serial collector cost the short-lived runtime
                // little and save a loaded machine seconds of compilation and GC threads on each start.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC"));
        command.addAll(launch.jvmOptions());
        command.addAll(List.of(
                "-cp", launch.classpath(),
                RuntimeApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--runtime.diagnostics.enabled=true",
                "--runtime.policy.default-decision=ALLOW",
                "--runtime.api-keys-file=" + keysFile));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long launched = System.nanoTime();
        RuntimeProcess runtime = new RuntimeProcess(process, port);
        runtime.awaitHealthy(log.toFile());
        runtime.startedIn = Duration.ofNanos(System.nanoTime() - launched);
        return runtime;
    }

    /** From launching the process to its first healthy answer. */
    Duration startedIn() {
        return startedIn;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Kills the process with SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private void awaitHealthy(File log) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("runtime process exited early; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the next probe comes after the pause below
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("runtime process did not become healthy; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
