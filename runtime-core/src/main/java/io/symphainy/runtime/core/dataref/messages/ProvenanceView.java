package io.symphainy.runtime.core.dataref.messages;

import java.util.List;

/**
 * The lineage of a data reference: the reference itself first, then its sources back to the original uploads; empty
 * when the tenant has no such reference.
 */
public record ProvenanceView(String refId, List<DataReferenceView> chain) {

    public ProvenanceView {
        chain = List.copyOf(chain);
    }
}
