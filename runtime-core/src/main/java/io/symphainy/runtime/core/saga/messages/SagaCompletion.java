package io.symphainy.runtime.core.saga.messages;

import java.util.Map;

/**
 * The answer to a reported success that completed the saga in the same transaction: the references the execution
 * completes with, so that the worker that reported it may close the execution at once.
 *
 * @param references every reference the saga's steps produced
 */
public record SagaCompletion(Map<String, String> references) {
}
