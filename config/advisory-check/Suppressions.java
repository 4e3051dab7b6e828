import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The findings recorded as not applying, read from an OWASP dependency-check suppression file, so that this check and
 * the OWASP one share one list of reasons. A {@code <suppress>} rule applies to a finding when one of its
 * {@code <packageUrl>} or {@code <gav>} patterns matches the dependency (or it has none) and one of its {@code <cve>}
 * or {@code <vulnerabilityName>} entries names one of the advisory's ids. Its {@code <notes>} are the reason.
 */
final class Suppressions {

    private record Rule(List<Predicate<String>> packageUrls, List<Predicate<String>> gavs,
            List<Predicate<String>> ids, String reason) {
    }

    private final List<Rule> rules;

    private Suppressions(List<Rule> rules) {
        this.rules = rules;
    }

    /** Reads the suppression file. */
    static Suppressions read(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList suppress = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("suppress");
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < suppress.getLength(); i++) {
                Element rule = (Element) suppress.item(i);
                List<Predicate<String>> ids = patterns(rule, "cve");
                ids.addAll(patterns(rule, "vulnerabilityName"));
                rules.add(new Rule(patterns(rule, "packageUrl"), patterns(rule, "gav"), ids, notes(rule)));
            }
            return new Suppressions(rules);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The reason recorded for this advisory on this dependency, if any. */
    Optional<String> reasonFor(Dependency dependency, Advisory advisory) {
        return rules.stream()
                .filter(rule -> rule.packageUrls.isEmpty() && rule.gavs.isEmpty()
                        || rule.packageUrls.stream().anyMatch(p -> p.test(dependency.packageUrl()))
                        || rule.gavs.stream().anyMatch(p -> p.test(dependency.gav())))
                .filter(rule -> rule.ids.stream().anyMatch(p -> advisory.identifiers().stream().anyMatch(p)))
                .map(Rule::reason)
                .findFirst();
    }

    /** The rule's entries of one kind: regular expressions where {@code regex="true"}, else exact text. */
    private static List<Predicate<String>> patterns(Element rule, String tag) {
        List<Predicate<String>> patterns = new ArrayList<>();
        NodeList entries = rule.getElementsByTagName(tag);
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String text = entry.getTextContent().strip();
            patterns.add("true".equals(entry.getAttribute("regex"))
                    ? Pattern.compile(text).asMatchPredicate()
                    : text::equalsIgnoreCase);
        }
        return patterns;
    }

    private static String notes(Element rule) {
        NodeList notes = rule.getElementsByTagName("notes");
        if (notes.getLength() == 0) {
            return "(no reason given)";
        }
        return notes.item(0).getTextContent().strip().replaceAll("\\s+", " ");
    }
}
