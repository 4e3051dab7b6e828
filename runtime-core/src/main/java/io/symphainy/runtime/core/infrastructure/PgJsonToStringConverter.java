package io.symphainy.runtime.core.infrastructure;

import org.axonframework.serialization.ContentTypeConverter;
import org.postgresql.util.PGobject;

/**
 * Reads PostgreSQL {@code jsonb} columns, which the driver returns as {@link PGobject}, as JSON text for Axon's
 * serializer; events are stored as {@code jsonb} so that auditors and operators can query them in SQL.
 */
class PgJsonToStringConverter implements ContentTypeConverter<PGobject, String> {

    @Override
    public Class<PGobject> expectedSourceType() {
        return PGobject.class;
    }

    @Override
    public Class<String> targetType() {
        return String.class;
    }

    @Override
    public String convert(PGobject original) {
        return original.getValue();
    }
}
