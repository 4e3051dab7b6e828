package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of the {@code errors} extension of an INVALID_REQUEST problem: which field is wrong and why.
 *
 * @param field   the field path as the client sent it (snake_case, e.g. {@code items[0].unit_price}); absent when
 *                the error concerns the request as a whole
 * @param message a client-safe explanation such as "must not be blank"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldViolation(String field, String message) {
}
