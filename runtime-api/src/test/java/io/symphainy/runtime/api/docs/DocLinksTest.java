package io.symphainy.runtime.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md and docs/*.md leads to a file of the project, and an anchor into a Markdown page
 * to one of its headings.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern NOT_IN_SLUG = Pattern.compile("[^\\p{L}\\p{N} _-]");
    /**
     * Pages other branches of the same documentation work write (the agents and the dashboards pages), linked
     * before they land; once they exist their links are checked like any other.
     */
    private static final Set<String> PAGES_WRITTEN_ELSEWHERE = Set.of();

    @Test
    void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : DocsPages.pages()) {
            Matcher link = LINK.matcher(DocsPages.read(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue;
                }
                checked++;
                String problem = problemOf(page, target);
                if (problem != null) {
                    broken.add(DocsPages.PROJECT.relativize(page) + ": " + target + " " + problem);
                }
            }
        }

        assertThat(checked).as("relative links checked").isGreaterThan(50);
        assertThat(broken).as("broken links").isEmpty();
    }

    private static String problemOf(Path page, String target) {
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(DocsPages.PROJECT)) {
            return "leads outside the project";
        }
        if (!Files.exists(resolved)) {
            String fromRoot = DocsPages.PROJECT.relativize(resolved).toString().replace('\\', '/');
            return PAGES_WRITTEN_ELSEWHERE.contains(fromRoot) ? null : "names no file";
        }
        if (hash >= 0 && resolved.toString().endsWith(".md")
                && !anchors(DocsPages.read(resolved)).contains(target.substring(hash + 1))) {
            return "names no heading of " + DocsPages.PROJECT.relativize(resolved);
        }
        return null;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes. */
    private static List<String> anchors(String page) {
        List<String> anchors = new ArrayList<>();
        Matcher heading = HEADING.matcher(page.replaceAll("(?ms)^```.*?^```", ""));
        while (heading.find()) {
            String text = heading.group(1).strip().toLowerCase(Locale.ROOT).replace("`", "");
            anchors.add(NOT_IN_SLUG.matcher(text).replaceAll("").replace(' ', '-'));
        }
        return anchors;
    }
}
