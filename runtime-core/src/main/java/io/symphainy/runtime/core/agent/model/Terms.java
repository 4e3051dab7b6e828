package io.symphainy.runtime.core.agent.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The word-level text handling of the extractive model: terms without stop words, sentences, overlap.
 */
final class Terms {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "do",
            "does", "for", "from", "how", "in", "is", "it", "of", "on", "or", "that", "the", "this", "to", "was",
            "what", "when", "where", "which", "who", "why", "with", "you", "your", "can", "i", "we", "they", "there");
    private static final int MAX_SENTENCE_CHARS = 400;

    private Terms() {
    }

    /** The question's words, lower case, without stop words. */
    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        var matcher = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (!STOP_WORDS.contains(matcher.group())) {
                terms.add(matcher.group());
            }
        }
        return terms;
    }

    /** How many distinct terms of the question the sentence holds (a term matches a word it starts). */
    static int overlap(List<String> questionTerms, String sentence) {
        Set<String> words = new HashSet<>(of(sentence));
        int overlap = 0;
        for (String term : new HashSet<>(questionTerms)) {
            String stem = term.length() > 4 ? term.substring(0, term.length() - 1) : term;
            if (words.stream().anyMatch(word -> word.equals(term) || word.startsWith(stem))) {
                overlap++;
            }
        }
        return overlap;
    }

    /** The text's sentences, trimmed, non-blank. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text.strip())) {
            String trimmed = sentence.replaceAll("\\s+", " ").strip();
            if (!trimmed.isEmpty()) {
                sentences.add(trimmed);
            }
        }
        return sentences;
    }

    /** The sentence as a claim: no square brackets (they mark citations), at most 400 characters. */
    static String asClaim(String sentence) {
        String plain = sentence.replace('[', '(').replace(']', ')');
        return plain.length() <= MAX_SENTENCE_CHARS ? plain : plain.substring(0, MAX_SENTENCE_CHARS) + "…";
    }
}
