package io.symphainy.runtime.api.capability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Curator registered: every capability with its contract, risk, steps and retry policy.
 */
@RestController
public class CapabilityController {

    private final Curator curator;
    private final ObjectMapper json;

    CapabilityController(Curator curator, ObjectMapper json) {
        this.curator = curator;
        this.json = json;
    }

    @GetMapping("/capabilities")
    @PreAuthorize("isAuthenticated()")
    public Map<String, List<CapabilityResponse>> list() {
        return Map.of("capabilities", curator.all().stream().map(this::describe).toList());
    }

    private CapabilityResponse describe(RegisteredCapability capability) {
        CapabilityDefinition definition = capability.definition();
        try {
            return new CapabilityResponse(definition.name(), definition.realm(), definition.intentTypes(),
                    json.readTree(definition.inputSchema()), definition.outputDescription(),
                    definition.effectiveRiskLevel().name(), definition.deterministic(), capability.plan(),
                    CapabilityResponse.RetryPolicyResponse.of(definition.retryPolicy()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registered schema of " + definition.name() + " stopped parsing", e);
        }
    }
}
