package io.symphainy.runtime.realm.content.store;

import io.symphainy.runtime.core.capability.spi.StepContext;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Data-reference ids and reference keys of the content realm. Ids derive from the execution, step and kind, so every
 * attempt of a step produces the same ids and a retry overwrites nothing.
 */
public final class ContentRefs {

    /** Reference key and data-reference kind of a stored upload. */
    public static final String UPLOAD = "content.upload";
    /** Reference key and kind of a parsed document. */
    public static final String DOCUMENT = "content.document";
    /** Reference key and kind of a document's chunk set. */
    public static final String CHUNKS = "content.chunks";
    /** Reference key and kind of a chunk set's embeddings. */
    public static final String EMBEDDINGS = "content.embeddings";

    private ContentRefs() {
    }

    /** The id of the artifact of the given kind that this step produces. */
    public static String idFor(StepContext context, String kind) {
        String seed = context.executionId().value() + "/" + context.stepName() + "/" + kind;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The input reference: produced by an earlier step of this execution, else named in the payload. */
    public static Optional<String> input(StepContext context, String key, String payloadField) {
        Optional<String> produced = context.reference(key);
        if (produced.isPresent()) {
            return produced;
        }
        return context.payload().get(payloadField) instanceof String named && !named.isBlank()
                ? Optional.of(named) : Optional.empty();
    }
}
