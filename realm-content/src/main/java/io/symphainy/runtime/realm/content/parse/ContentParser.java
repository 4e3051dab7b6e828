package io.symphainy.runtime.realm.content.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tika.Tika;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.xml.sax.SAXException;

/**
 * Extracts text, metadata and deterministic facts from content with Apache Tika. The language models load with the
 * first text to detect, not at start: reading them takes about a second, which a node that parses nothing need not
 * pay.
 */
@Component
public class ContentParser {

    /** Version of the parser that produced a document, recorded in its provenance. */
    public static final String VERSION = Tika.getString();

    private final AutoDetectParser parser = new AutoDetectParser();
    private final SingletonSupplier<LanguageDetector> languages =
            SingletonSupplier.of(() -> new OptimaizeLangDetector().loadModels());

    /** Parses the content; the file name helps detect its type. */
    public ParsedContent parse(byte[] bytes, String filename) throws ContentParseException {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        BodyContentHandler text = new BodyContentHandler(-1);
        String detected;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            detected = parser.getDetector().detect(TikaInputStream.get(bytes), metadata).getBaseType().toString();
            parser.parse(in, text, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new ContentParseException(true, "the document is password-protected: " + e.getMessage());
        } catch (TikaException | SAXException | IOException | RuntimeException e) {
            if (causedByEncryption(e)) {
                throw new ContentParseException(true, "the document is password-protected: " + e.getMessage());
            }
            throw new ContentParseException(false, "the document cannot be parsed: " + e.getMessage());
        }
        return toParsed(text.toString().strip(), metadata, detected);
    }

    private ParsedContent toParsed(String text, Metadata metadata, String detected) {
        // Tika's text parser reports CSV as text/plain; the detected type keeps tables recognisable.
        String mediaType = "text/csv".equals(detected) ? detected : baseType(metadata.get(Metadata.CONTENT_TYPE));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("media_type", mediaType);
        facts.put("word_count", text.isEmpty() ? 0 : text.split("\\s+").length);
        LanguageResult language = text.isEmpty() ? LanguageResult.NULL : languages.obtain().detect(text);
        facts.put("language", language.isReasonablyCertain() ? language.getLanguage() : "und");
        putIfPresent(facts, "page_count", firstNumber(metadata, "xmpTPg:NPages", "meta:page-count"));
        putIfPresent(facts, "title", metadata.get(TikaCoreProperties.TITLE));
        putIfPresent(facts, "author", metadata.get(TikaCoreProperties.CREATOR));
        if ("text/csv".equals(mediaType)) {
            facts.put("table_count", 1);
            facts.put("row_count", text.isEmpty() ? 0 : text.split("\\R").length);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        for (String name : metadata.names()) {
            String[] values = metadata.getValues(name);
            all.put(name, values.length == 1 ? values[0] : java.util.List.of(values));
        }
        return new ParsedContent(mediaType, text, facts, all);
    }

    private static boolean causedByEncryption(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException
                    || cause.getClass().getSimpleName().contains("InvalidPassword")
                    || cause.getClass().getSimpleName().contains("EncryptedDocument")) {
                return true;
            }
        }
        return false;
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
    }

    private static Integer firstNumber(Metadata metadata, String... names) {
        for (String name : names) {
            String value = metadata.get(name);
            if (value != null) {
                try {
                    return Integer.valueOf(value.strip());
                } catch (NumberFormatException ignored) {
                    // try the next name
                }
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> facts, String name, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            facts.put(name, value);
        }
    }
}
