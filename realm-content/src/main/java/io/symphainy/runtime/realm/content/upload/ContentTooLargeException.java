package io.symphainy.runtime.realm.content.upload;

/**
 * Content larger than {@code runtime.content.max-bytes} was offered for staging; nothing was stored.
 */
public class ContentTooLargeException extends RuntimeException {

    private final long sizeBytes;
    private final long maxBytes;

    public ContentTooLargeException(long sizeBytes, long maxBytes) {
        super("the content has " + sizeBytes + " bytes; the limit (runtime.content.max-bytes) is " + maxBytes);
        this.sizeBytes = sizeBytes;
        this.maxBytes = maxBytes;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
