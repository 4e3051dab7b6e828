package io.symphainy.runtime.api.capability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.state.CapabilityVersionsInFlight;
import io.symphainy.runtime.core.state.CapabilityVersionsInFlight.InFlight;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Curator registered: every capability with its newest version's contract, risk, steps and retry policy, and
 * each version with how many of the caller's tenant's executions are in flight on it, so an operator sees when an old
 * version has drained.
 */
@RestController
public class CapabilityController {

    private final Curator curator;
    private final CapabilityVersionsInFlight inFlight;
    private final ObjectMapper json;

    CapabilityController(Curator curator, CapabilityVersionsInFlight inFlight, ObjectMapper json) {
        this.curator = curator;
        this.inFlight = inFlight;
        this.json = json;
    }

    @GetMapping("/capabilities")
    @PreAuthorize("isAuthenticated()")
    public Map<String, List<CapabilityResponse>> list(RuntimePrincipal caller) {
        Map<String, Map<String, Long>> running = inFlight.of(RuntimeCommands.tenantOf(caller)).stream()
                .collect(Collectors.groupingBy(InFlight::capability,
                        Collectors.toMap(InFlight::version, InFlight::executions, Long::sum)));
        return Map.of("capabilities", curator.all().stream()
                .map(capability -> describe(capability, running.getOrDefault(capability.name(), Map.of())))
                .toList());
    }

    private CapabilityResponse describe(RegisteredCapability capability, Map<String, Long> running) {
        CapabilityDefinition definition = capability.definition();
        try {
            return new CapabilityResponse(definition.name(), definition.realm(), definition.intentTypes(),
                    json.readTree(definition.inputSchema()), definition.outputDescription(),
                    definition.effectiveRiskLevel().name(), definition.deterministic(), capability.plan(),
                    CapabilityResponse.RetryPolicyResponse.of(definition.retryPolicy()), capability.version(),
                    versions(capability.name(), running));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registered schema of " + definition.name() + " stopped parsing", e);
        }
    }

    /** Every registered version, and every version executions still run on, newest first. */
    private List<CapabilityVersionResponse> versions(String name, Map<String, Long> running) {
        Map<String, Boolean> versions = new TreeMap<>(Comparator.comparing((String v) -> v,
                CapabilityVersions.OLDEST_FIRST).reversed());
        running.keySet().forEach(version -> versions.put(version, false));
        curator.versionsOf(name).forEach(registered -> versions.put(registered.version(), true));
        return versions.entrySet().stream().map(version -> new CapabilityVersionResponse(version.getKey(),
                version.getValue(), running.getOrDefault(version.getKey(), 0L))).toList();
    }
}
