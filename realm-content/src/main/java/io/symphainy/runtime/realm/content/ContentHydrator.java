package io.symphainy.runtime.realm.content;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.dataref.spi.DataHydrator;
import io.symphainy.runtime.core.dataref.spi.HydratedContent;
import io.symphainy.runtime.realm.content.store.ContentRefs;
import io.symphainy.runtime.realm.content.store.ContentStore;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads the content behind the realm's data references: an upload's bytes, a document's text, a chunk set's text.
 */
@Component
class ContentHydrator implements DataHydrator {

    private final ContentStore store;

    ContentHydrator(ContentStore store) {
        this.store = store;
    }

    @Override
    public Set<String> kinds() {
        return Set.of(ContentRefs.UPLOAD, ContentRefs.DOCUMENT, ContentRefs.CHUNKS, ContentRefs.EMBEDDINGS);
    }

    @Override
    public Optional<HydratedContent> hydrate(TenantId tenantId, String refId, String kind) {
        String tenant = tenantId.value();
        return switch (kind) {
            case ContentRefs.UPLOAD -> store.uploadBytes(tenant, refId)
                    .map(bytes -> HydratedContent.ofBytes("application/octet-stream", bytes));
            case ContentRefs.DOCUMENT -> store.findDocument(tenant, refId).map(doc -> HydratedContent.ofText(doc.text()));
            case ContentRefs.CHUNKS, ContentRefs.EMBEDDINGS -> store.chunkSetText(tenant, refId)
                    .map(HydratedContent::ofText);
            default -> Optional.empty();
        };
    }
}
