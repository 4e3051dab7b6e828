import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML of a GitLab Advisory Database file: top-level keys whose values are double-quoted strings (which may
 * fold over several indented lines) or lists of them ({@code - "..."} lines, or {@code []}). That is all the
 * database's files use, so no YAML library is needed.
 */
final class GitLabAdvisoryYaml {

    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z0-9_]+):\\s*(.*)");
    private static final String LIST_ITEM = "- ";

    private GitLabAdvisoryYaml() {
    }

    /** Each key with its values: one for a string, any number for a list. */
    static Map<String, List<String>> read(String yaml) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        StringBuilder value = null;
        for (String line : yaml.split("\\R")) {
            Matcher key = KEY_LINE.matcher(line);
            if (key.matches()) {
                add(values, value);
                values = new ArrayList<>();
                fields.put(key.group(1), values);
                String rest = key.group(2);
                value = rest.isEmpty() || rest.equals("[]") ? null : new StringBuilder(rest);
            } else if (line.startsWith(LIST_ITEM)) {
                add(values, value);
                value = new StringBuilder(line.substring(LIST_ITEM.length()));
            } else if (value != null && !line.isBlank()) {
                value.append(' ').append(line.strip());
            }
        }
        add(values, value);
        return fields;
    }

    private static void add(List<String> values, StringBuilder value) {
        if (value != null) {
            values.add(unquote(value.toString().strip()));
        }
    }

    private static String unquote(String text) {
        if (!text.startsWith("\"") || !text.endsWith("\"") || text.length() < 2) {
            return text;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() - 1) {
                char escaped = text.charAt(++i);
                plain.append(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped);
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
