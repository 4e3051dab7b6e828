package io.symphainy.runtime.realm.content;

/**
 * The stable failure codes of the content realm's steps; none of them is cured by trying again.
 */
public final class ContentFailureCodes {

    /** The payload names no content, or names it twice. */
    public static final String CONTENT_INPUT_INVALID = "CONTENT_INPUT_INVALID";
    /** The content exceeds {@code runtime.content.max-bytes}. */
    public static final String CONTENT_TOO_LARGE = "CONTENT_TOO_LARGE";
    /** {@code file_path} was given but no import directory is configured. */
    public static final String CONTENT_IMPORT_DISABLED = "CONTENT_IMPORT_DISABLED";
    /** {@code file_path} leads outside the import directory, through {@code ..} or a symbolic link. */
    public static final String CONTENT_PATH_OUTSIDE_IMPORT_DIR = "CONTENT_PATH_OUTSIDE_IMPORT_DIR";
    /** {@code file_path} names no readable regular file. */
    public static final String CONTENT_FILE_NOT_FOUND = "CONTENT_FILE_NOT_FOUND";
    /** A referenced upload, document or chunk set does not exist for the tenant. */
    public static final String CONTENT_REF_NOT_FOUND = "CONTENT_REF_NOT_FOUND";
    /** The document is password-protected. */
    public static final String CONTENT_ENCRYPTED = "CONTENT_ENCRYPTED";
    /** The document cannot be parsed. */
    public static final String CONTENT_CORRUPT = "CONTENT_CORRUPT";
    /** The document holds no text to embed. */
    public static final String CONTENT_EMPTY = "CONTENT_EMPTY";
    /** Embedding failed because a test asked for it (only with {@code runtime.content.test-knobs-enabled}). */
    public static final String CONTENT_EMBEDDING_FAILED = "CONTENT_EMBEDDING_FAILED";

    /** Every code above. */
    public static final java.util.List<String> ALL = java.util.List.of(CONTENT_INPUT_INVALID, CONTENT_TOO_LARGE,
            CONTENT_IMPORT_DISABLED, CONTENT_PATH_OUTSIDE_IMPORT_DIR, CONTENT_FILE_NOT_FOUND, CONTENT_REF_NOT_FOUND,
            CONTENT_ENCRYPTED, CONTENT_CORRUPT, CONTENT_EMPTY, CONTENT_EMBEDDING_FAILED);

    private ContentFailureCodes() {
    }
}
