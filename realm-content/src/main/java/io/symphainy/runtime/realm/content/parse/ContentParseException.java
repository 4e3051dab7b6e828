package io.symphainy.runtime.realm.content.parse;

/**
 * Content that cannot be parsed, because it is encrypted or because it is corrupt.
 */
public class ContentParseException extends Exception {

    private final boolean encrypted;

    public ContentParseException(boolean encrypted, String message) {
        super(message);
        this.encrypted = encrypted;
    }

    /** Whether a password protects the content. */
    public boolean encrypted() {
        return encrypted;
    }
}
