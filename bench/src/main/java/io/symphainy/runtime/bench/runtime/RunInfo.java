package io.symphainy.runtime.bench.runtime;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark run was, for its report: its id and mode, the commit and the measured jar's digest, the machine,
 * the options it ran with and how long it took.
 */
final class RunInfo {

    private RunInfo() {
    }

    static Map<String, Object> of(BenchOptions options, String runId, long startedNanos) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", runId);
        run.put("mode", options.quick() ? "quick" : "full");
        run.put("commit", git(options.repository(), "rev-parse", "HEAD"));
        run.put("runtime_jar", options.runtimeJar().toAbsolutePath().toString());
        run.put("runtime_jar_sha256", sha256(options.runtimeJar()));
        run.put("uncommitted_changes", !git(options.repository(), "status", "--porcelain").isEmpty());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.version"));
        run.put("concurrency", options.concurrency());
        run.put("runtime_env", options.runtimeEnv());
        run.put("policy", options.noPolicy() ? "none published" : "allow-all published");
        run.put("seconds", Math.round((System.nanoTime() - startedNanos) / 1e9));
        return run;
    }

    /** The measured jar's digest: {@code commit} names the harness's checkout, which {@code --jar} may not match. */
    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String git(Path repository, String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repository.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes()).trim();
        git.waitFor();
        return output;
    }
}
