package io.symphainy.runtime.api.error;

import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;

/**
 * Names the kind of value a Java type expects in words a JSON or URL client understands ("a number", "a UUID"),
 * so that type errors can say what was wanted without exposing class names.
 */
final class ExpectedTypes {

    private ExpectedTypes() {
    }

    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (TemporalAccessor.class.isAssignableFrom(type) || Date.class.isAssignableFrom(type)) {
            return "an ISO-8601 date or time";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
