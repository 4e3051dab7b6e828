package io.symphainy.runtime.core.dataref.spi;

import io.symphainy.runtime.core.capability.spi.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a step registers the artifacts it produced: their descriptors travel in the step's facts under
 * {@link #FACT_KEY}, the saga records them with the step's success, and the {@code data-references} projection
 * turns them into data references with provenance. A compensated step's references are marked deleted.
 */
public final class DataReferences {

    /** The fact under which a step's produced artifacts are recorded. */
    public static final String FACT_KEY = "data_references";

    private DataReferences() {
    }

    /** A success whose facts register the given artifacts besides the step's own facts. */
    public static StepResult success(Map<String, String> references, Map<String, Object> facts,
                                     List<DataReferenceDescriptor> produced) {
        Map<String, Object> all = new LinkedHashMap<>(facts);
        List<Map<String, Object>> descriptors = new ArrayList<>();
        produced.forEach(descriptor -> descriptors.add(descriptor.toFact()));
        all.put(FACT_KEY, descriptors);
        return StepResult.success(references, all);
    }

    /** The artifacts registered in a step's facts; empty when it registered none. */
    @SuppressWarnings("unchecked")
    public static List<DataReferenceDescriptor> registeredIn(Map<String, Object> facts) {
        if (!(facts.get(FACT_KEY) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance)
                .map(entry -> DataReferenceDescriptor.fromFact((Map<String, Object>) entry)).toList();
    }
}
