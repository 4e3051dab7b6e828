package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.core.node.RuntimeNodes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators watch the tracking projections catch up with the event store; admins rebuild a projection from events.
 */
@RestController
public class ProjectionController {

    static final String PATH = "/runtime/projections";

    private final Projections projections;
    private final RuntimeNodes nodes;

    ProjectionController(Projections projections, RuntimeNodes nodes) {
        this.projections = projections;
        this.nodes = nodes;
    }

    @GetMapping(PATH)
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    public ProjectionListResponse list() {
        return new ProjectionListResponse(projections.list(), nodes.nodeId(), nodes.liveNodes());
    }

    @PostMapping(PATH + "/{name}/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<RebuildAcceptedResponse> rebuild(@PathVariable("name") String name) {
        projections.rebuild(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", PATH)
                .body(new RebuildAcceptedResponse(name, "rebuilding", PATH));
    }
}
