package io.symphainy.runtime.core.dataref.spi;

/**
 * The content behind a data reference: bytes with their media type, or text.
 *
 * @param mediaType the content's media type
 * @param bytes     the raw bytes, or {@code null} when the content is text
 * @param text      the text, or {@code null} when the content is bytes
 */
public record HydratedContent(String mediaType, byte[] bytes, String text) {

    /** Binary content. */
    public static HydratedContent ofBytes(String mediaType, byte[] bytes) {
        return new HydratedContent(mediaType, bytes, null);
    }

    /** Text content. */
    public static HydratedContent ofText(String text) {
        return new HydratedContent("text/plain", null, text);
    }
}
