package io.symphainy.runtime.api.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reading the project's documentation pages (README.md and docs/*.md) the way the documentation tests need them:
 * whole pages, one section, the rows of its tables and the backticked tokens in a text.
 */
public final class DocsPages {

    /** The project's root; tests run in runtime-api. */
    public static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    public static final Path DOCS = PROJECT.resolve("docs");

    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$");
    private static final Pattern UNESCAPED_PIPE = Pattern.compile("(?<!\\\\)\\|");

    private DocsPages() {
    }

    /** A page by its path from the project root, e.g. {@code docs/http-api.md}. */
    public static String read(String page) {
        return read(PROJECT.resolve(page));
    }

    public static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** README.md and every page in docs/. */
    public static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(PROJECT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** All pages in docs/, joined. */
    public static String allDocs() {
        StringBuilder all = new StringBuilder();
        pages().stream().filter(page -> page.startsWith(DOCS)).forEach(page -> all.append(read(page)).append('\n'));
        return all.toString();
    }

    /** The text under a heading, up to the next heading of the same or a higher level; empty if there is none. */
    public static String section(String text, String heading) {
        StringBuilder section = new StringBuilder();
        int level = 0;
        for (String line : text.split("\n", -1)) {
            Matcher match = HEADING.matcher(line);
            if (match.matches()) {
                int lineLevel = match.group(1).length();
                if (level > 0 && lineLevel <= level) {
                    break;
                }
                if (level == 0 && match.group(2).strip().equals(heading)) {
                    level = lineLevel;
                    continue;
                }
            }
            if (level > 0) {
                section.append(line).append('\n');
            }
        }
        return section.toString();
    }

    /** The cells of every table row in a text, header rows included, separator rows left out. */
    public static List<List<String>> tableRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            String row = line.strip();
            if (!row.startsWith("|") || row.matches("\\|[\\s|:-]+\\|")) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : UNESCAPED_PIPE.split(row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length()))) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** What stands between backticks in a text, in order of appearance. */
    public static Set<String> backticked(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher match = BACKTICKED.matcher(text);
        while (match.find()) {
            tokens.add(match.group(1));
        }
        return tokens;
    }
}
