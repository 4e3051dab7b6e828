package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Java property paths reported by Bean Validation ({@code items[0].unitPrice}) into the JSON names clients
 * send ({@code items[0].unit_price}), using the naming strategy of the application's object mapper.
 */
class FieldNames {

    /** A path segment: a property name followed by optional index or key suffixes such as {@code [0]}. */
    private static final Pattern SEGMENT = Pattern.compile("^([^\\[]*)(.*)$");

    private final PropertyNamingStrategies.NamingBase naming;

    FieldNames(ObjectMapper objectMapper) {
        PropertyNamingStrategy strategy = objectMapper.getSerializationConfig().getPropertyNamingStrategy();
        this.naming = strategy instanceof PropertyNamingStrategies.NamingBase base ? base : null;
    }

    String toJson(String javaPath) {
        if (javaPath == null || javaPath.isEmpty() || naming == null) {
            return javaPath;
        }
        StringBuilder json = new StringBuilder();
        for (String segment : javaPath.split("\\.")) {
            if (!json.isEmpty()) {
                json.append('.');
            }
            Matcher matcher = SEGMENT.matcher(segment);
            if (matcher.matches()) {
                json.append(naming.translate(matcher.group(1))).append(matcher.group(2));
            } else {
                json.append(segment);
            }
        }
        return json.toString();
    }
}
