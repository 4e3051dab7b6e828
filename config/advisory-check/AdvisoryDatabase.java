import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The Maven advisories of a GitLab Advisory Database ({@code maven/<groupId>/<artifactId>/*.yml}), read from a
 * checkout or straight from a bare git repository (a mirror), without a network.
 */
final class AdvisoryDatabase {

    private static final String MAVEN_FOLDER = "maven";

    private final Path root;
    private final boolean bare;

    private AdvisoryDatabase(Path root, boolean bare) {
        this.root = root;
        this.bare = bare;
    }

    /** A checkout when {@code path} holds a {@code maven} folder, else a bare git repository. */
    static AdvisoryDatabase open(Path path) {
        return new AdvisoryDatabase(path, !Files.isDirectory(path.resolve(MAVEN_FOLDER)));
    }

    /** The commit and date of the snapshot, when the database is a git repository. */
    String snapshot() {
        try {
            return git("log", "-1", "--format=commit %H of %cs").strip();
        } catch (IOException notGit) {
            return "not a git repository, snapshot unknown";
        }
    }

    /** The advisories of the given packages ({@code groupId:artifactId}). */
    List<Advisory> advisoriesOf(Set<String> packageNames) throws IOException {
        return bare ? fromGit(packageNames) : fromCheckout(packageNames);
    }

    private List<Advisory> fromCheckout(Set<String> packageNames) throws IOException {
        List<Advisory> advisories = new ArrayList<>();
        for (String packageName : packageNames) {
            Path folder = root.resolve(MAVEN_FOLDER).resolve(packageName.replace(':', '/'));
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                        advisories.add(Advisory.fromYaml(Files.readString(file)));
                    }
                }
            }
        }
        return advisories;
    }

    /** Lists the advisory files of HEAD, then reads the wanted ones through one {@code git cat-file --batch}. */
    private List<Advisory> fromGit(Set<String> packageNames) throws IOException {
        List<String> blobs = new ArrayList<>();
        for (String entry : git("ls-tree", "-r", "HEAD", MAVEN_FOLDER + "/").split("\n")) {
            String[] objectAndPath = entry.split("\t", 2);
            String[] path = objectAndPath.length == 2 ? objectAndPath[1].split("/") : new String[0];
            if (path.length == 4 && packageNames.contains(path[1] + ":" + path[2]) && path[3].endsWith(".yml")) {
                blobs.add(objectAndPath[0].split(" ")[2]);
            }
        }
        Process catFile = start("cat-file", "--batch");
        CompletableFuture<Void> request = CompletableFuture.runAsync(() -> {
            try (OutputStream in = catFile.getOutputStream()) {
                in.write((String.join("\n", blobs) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Advisory> advisories = new ArrayList<>();
        try (InputStream out = new BufferedInputStream(catFile.getInputStream())) {
            for (int i = 0; i < blobs.size(); i++) {
                String[] header = readLine(out).split(" ");
                byte[] content = out.readNBytes(Integer.parseInt(header[2]));
                out.read();
                advisories.add(Advisory.fromYaml(new String(content, StandardCharsets.UTF_8)));
            }
        }
        request.join();
        return advisories;
    }

    private String git(String... arguments) throws IOException {
        Process git = start(arguments);
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (git.waitFor() != 0) {
                throw new IOException("git " + String.join(" ", arguments) + " failed in " + root);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }

    private Process start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + (bare ? root : root.resolve(".git"))));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n' && c != -1; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
