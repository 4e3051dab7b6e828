package io.symphainy.runtime.api.data;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.symphainy.runtime.core.dataref.messages.DataReferenceView;

/**
 * A data reference as served over HTTP; the content members are present only for {@code hydrate=true}.
 *
 * @param contentBase64 the bytes of binary content
 * @param text          the text of text content
 */
public record DataReferenceResponse(@JsonUnwrapped DataReferenceView reference, String mediaType,
                                    String contentBase64, String text) {
}
