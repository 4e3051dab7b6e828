package io.symphainy.runtime.core.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One claim of an answer with the fact ids it cites, in the order the model wrote them.
 */
record Claim(String text, List<String> citations) {

    Claim {
        citations = List.copyOf(citations);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", text);
        map.put("citations", citations);
        return map;
    }

    static Claim fromMap(Map<?, ?> map) {
        Object citations = map.get("citations");
        return new Claim(String.valueOf(map.get("text")), citations instanceof List<?> ids
                ? ids.stream().map(String::valueOf).toList() : List.of());
    }
}
