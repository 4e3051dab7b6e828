package io.symphainy.runtime.core.timeline;

/** The intent type and capability of an execution, copied onto every timeline row of the execution. */
record TimelineIntent(String intentType, String capability) {
}
