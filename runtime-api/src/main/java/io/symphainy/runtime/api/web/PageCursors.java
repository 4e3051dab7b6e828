package io.symphainy.runtime.api.web;

import io.symphainy.runtime.core.state.messages.PageCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque text of a listing's {@code next} cursor: base64url of {@code <epoch second>.<nanos>.<id>}. Clients pass
 * it back as {@code after} unchanged and never read it.
 */
public final class PageCursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursors() {
    }

    /** The cursor as text, or {@code null} when there is no next page. */
    public static String encode(PageCursor cursor) {
        if (cursor == null) {
            return null;
        }
        String plain = cursor.createdAt().getEpochSecond() + "." + cursor.createdAt().getNano() + "." + cursor.id();
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor a client sent as {@code after}; {@code null} when absent.
     *
     * @throws io.symphainy.runtime.api.error.ProblemException INVALID_REQUEST when it is not a cursor this runtime
     *                                                         issued
     */
    public static PageCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(DECODER.decode(text), StandardCharsets.UTF_8).split("\\.", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected three parts");
            }
            Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
            return new PageCursor(createdAt, UUID.fromString(parts[2]));
        } catch (RuntimeException malformed) {
            throw QueryParameters.invalid("after", "must be the next cursor of a previous page");
        }
    }
}
