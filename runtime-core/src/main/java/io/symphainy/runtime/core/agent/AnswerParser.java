package io.symphainy.runtime.core.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a model's raw answer into claims: a claim ends at a sentence end followed by a space, or at a line break,
 * and cites the ids in square brackets written inside it or right after its end ({@code [F-1, F-2]} or
 * {@code [F-1][F-2]}).
 */
final class AnswerParser {

    private AnswerParser() {
    }

    static List<Claim> parse(String raw) {
        List<Claim> claims = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Set<String> citations = new LinkedHashSet<>();
        boolean ended = false;
        String answer = raw == null ? "" : raw;
        for (int i = 0; i < answer.length(); i++) {
            char c = answer.charAt(i);
            int close = c == '[' ? answer.indexOf(']', i) : -1;
            if (close > i) {
                for (String id : answer.substring(i + 1, close).split("[,;\\s]+")) {
                    if (!id.isBlank()) {
                        citations.add(id.strip());
                    }
                }
                while (!text.isEmpty() && Character.isWhitespace(text.charAt(text.length() - 1))) {
                    text.setLength(text.length() - 1);
                }
                i = close;
                continue;
            }
            if (ended && !Character.isWhitespace(c)) {
                flush(claims, text, citations);
                ended = false;
            }
            if (c == '\n' || c == '\r') {
                ended = !text.toString().isBlank();
                text.append(' ');
                continue;
            }
            text.append(c);
            boolean nextIsBreak = i + 1 >= answer.length() || Character.isWhitespace(answer.charAt(i + 1))
                    || answer.charAt(i + 1) == '[';
            if ((c == '.' || c == '!' || c == '?') && nextIsBreak) {
                ended = true;
            }
        }
        flush(claims, text, citations);
        return claims;
    }

    /** The claims' texts as one answer, without citation marks. */
    static String answerText(List<Claim> claims) {
        return String.join(" ", claims.stream().map(Claim::text).toList());
    }

    private static void flush(List<Claim> claims, StringBuilder text, Set<String> citations) {
        String claim = text.toString().replaceAll("\\s+", " ").strip();
        if (!claim.isEmpty() && claim.chars().anyMatch(Character::isLetterOrDigit)) {
            claims.add(new Claim(claim, List.copyOf(citations)));
        } else if (!claims.isEmpty() && !citations.isEmpty()) {
            Claim last = claims.remove(claims.size() - 1);
            Set<String> merged = new LinkedHashSet<>(last.citations());
            merged.addAll(citations);
            claims.add(new Claim(last.text(), List.copyOf(merged)));
        }
        text.setLength(0);
        citations.clear();
    }
}
