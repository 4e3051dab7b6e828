package io.symphainy.runtime.api.crash;

import io.symphainy.runtime.core.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * What makes each runtime process of the crash tests start faster: a class-data sharing archive of the classes a
 * runtime loads while it starts, written once per test JVM by one start that is stopped gracefully, then mapped by
 * every later start instead of loading and verifying those classes again (about a third of a start here). The JVM
 * archives classes from jars only, so the directories of the test classpath are packed into jars first. If anything
 * of this fails, runtimes start without the archive, as they would without this class.
 */
final class StartupArchive {

    private static Prepared prepared;

    private StartupArchive() {
    }

    /** The classpath and the JVM options for a runtime process: the archive's when it could be written. */
    static synchronized Prepared prepared() {
        if (prepared == null) {
            prepared = prepare();
        }
        return prepared;
    }

    /** A classpath of jars only, and the options that map the archive (none if there is no archive). */
    record Prepared(String classpath, List<String> jvmOptions) {
    }

    private static Prepared prepare() {
        String plain = System.getProperty("java.class.path");
        try {
            Path directory = Files.createDirectories(buildDirectory().resolve("runtime-process"));
            String jarsOnly = packDirectories(plain, directory);
            Path archive = directory.resolve("runtime-start.jsa");
            Files.deleteIfExists(archive);
            if (train(jarsOnly, archive, directory) && Files.size(archive) > 0) {
                return new Prepared(jarsOnly, List.of("-XX:SharedArchiveFile=" + archive));
            }
            System.err.println("startup archive not written; runtime processes start without it");
        } catch (IOException | RuntimeException e) {
            System.err.println("startup archive not written (" + e + "); runtime processes start without it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Prepared(plain, List.of());
    }

    /** Starts one runtime with the archive written at its exit, waits until it is healthy and stops it gracefully. */
    private static boolean train(String classpath, Path archive, Path directory)
            throws IOException, InterruptedException {
        Path keys = Files.writeString(directory.resolve("archive-keys.yaml"),
                "- key: startup-archive\n  tenant_id: tenant-archive\n  user_id: archie\n  roles: [submitter]\n");
        Path log = directory.resolve("runtime-start-archive.log");
        RuntimeProcess runtime = RuntimeProcess.start(TestDatabase.createFresh(), keys, log,
                new Prepared(classpath, List.of("-XX:ArchiveClassesAtExit=" + archive)));
        runtime.stop();
        return Files.exists(archive);
    }

    /** The classpath with each directory replaced by a jar of its contents. */
    private static String packDirectories(String classpath, Path directory) throws IOException {
        List<String> entries = new ArrayList<>();
        int packed = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path jar = directory.resolve(packed++ + "-" + path.getFileName() + ".jar");
                pack(path, jar);
                entries.add(jar.toString());
            } else if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void pack(Path root, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted()::iterator) {
                if (path.equals(root)) {
                    continue;
                }
                String name = root.relativize(path).toString().replace(File.separatorChar, '/');
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }

    private static Path buildDirectory() throws IOException {
        try {
            return Path.of(StartupArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
