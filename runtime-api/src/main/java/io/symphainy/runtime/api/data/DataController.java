package io.symphainy.runtime.api.data;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ProjectionCatchUp;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.dataref.DataReferenceProjection;
import io.symphainy.runtime.core.dataref.messages.DataReferenceView;
import io.symphainy.runtime.core.dataref.messages.FindDataReferenceQuery;
import io.symphainy.runtime.core.dataref.messages.FindProvenanceQuery;
import io.symphainy.runtime.core.dataref.messages.ProvenanceView;
import io.symphainy.runtime.core.dataref.spi.DataHydrator;
import io.symphainy.runtime.core.dataref.spi.HydratedContent;
import java.util.Base64;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data references of the caller's tenant: the reference with its provenance, its lineage, and on request its
 * content. Another tenant's reference does not exist. A reference recorded before the request is found even while
 * the data-references projection still trails the event store.
 */
@RestController
public class DataController {

    private final QueryGateway queries;
    private final List<DataHydrator> hydrators;
    private final ProjectionCatchUp catchUp;

    DataController(QueryGateway queries, List<DataHydrator> hydrators, ProjectionCatchUp catchUp) {
        this.queries = queries;
        this.hydrators = hydrators;
        this.catchUp = catchUp;
    }

    @GetMapping("/data/{ref}")
    @PreAuthorize("hasAnyRole('SUBMITTER', 'OPERATOR', 'AUDITOR', 'APPROVER', 'ADMIN')")
    public DataReferenceResponse reference(RuntimePrincipal caller, @PathVariable("ref") String ref,
                                           @RequestParam(name = "hydrate", defaultValue = "false") boolean hydrate) {
        DataReferenceView view = find(caller, ref);
        if (!hydrate) {
            return new DataReferenceResponse(view, null, null, null);
        }
        HydratedContent content = hydrators.stream().filter(h -> h.kinds().contains(view.kind())).findFirst()
                .flatMap(h -> h.hydrate(RuntimeCommands.tenantOf(caller), view.refId(), view.kind()))
                .orElseThrow(() -> new ProblemException(ProblemCode.DATA_NOT_HYDRATABLE,
                        "the content of data reference " + ref + " is not available"));
        return new DataReferenceResponse(view, content.mediaType(),
                content.bytes() == null ? null : Base64.getEncoder().encodeToString(content.bytes()), content.text());
    }

    @GetMapping("/data/{ref}/provenance")
    @PreAuthorize("hasAnyRole('SUBMITTER', 'OPERATOR', 'AUDITOR', 'APPROVER', 'ADMIN')")
    public ProvenanceView provenance(RuntimePrincipal caller, @PathVariable("ref") String ref) {
        find(caller, ref);
        return queries.query(new FindProvenanceQuery(RuntimeCommands.tenantOf(caller), ref), ProvenanceView.class)
                .join();
    }

    /** The reference, once the data-references projection holds everything recorded before this request. */
    private DataReferenceView find(RuntimePrincipal caller, String ref) {
        return catchUp.read(DataReferenceProjection.PROCESSING_GROUP, () -> queries.query(
                        new FindDataReferenceQuery(RuntimeCommands.tenantOf(caller), ref),
                        ResponseTypes.optionalInstanceOf(DataReferenceView.class)).join())
                .orElseThrow(() -> new ProblemException(ProblemCode.DATA_REFERENCE_NOT_FOUND,
                        "data reference " + ref + " not found"));
    }
}
