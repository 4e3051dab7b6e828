package io.symphainy.runtime.core.agent.spi;

import java.util.List;

/**
 * The stable failure codes of agent steps.
 */
public final class AgentFailureCodes {

    /** The question is missing, blank, or longer than {@code runtime.agent.max-question-chars}. */
    public static final String AGENT_QUESTION_INVALID = "AGENT_QUESTION_INVALID";
    /** Gathering found no fact to reason over. */
    public static final String AGENT_NO_FACTS = "AGENT_NO_FACTS";
    /** More facts, or more fact text, than {@code runtime.agent.max-facts} / {@code max-fact-chars} allow. */
    public static final String AGENT_FACTS_TOO_LARGE = "AGENT_FACTS_TOO_LARGE";
    /** The tenant's policy did not allow a tool call with the submitter's roles. */
    public static final String AGENT_TOOL_DENIED = "AGENT_TOOL_DENIED";
    /** The tool's input does not satisfy its schema, or the tool does not exist. */
    public static final String AGENT_TOOL_INVALID = "AGENT_TOOL_INVALID";
    /** The reasoning model did not answer within {@code runtime.agent.model.timeout}. */
    public static final String AGENT_MODEL_TIMEOUT = "AGENT_MODEL_TIMEOUT";
    /** The reasoning model could not be reached or refused the call. */
    public static final String AGENT_MODEL_UNAVAILABLE = "AGENT_MODEL_UNAVAILABLE";
    /** The model answered without citing any fact. */
    public static final String AGENT_ANSWER_UNCITED = "AGENT_ANSWER_UNCITED";
    /** Validation: a claim cites a fact id that was not gathered. */
    public static final String CITATION_UNRESOLVED = "CITATION_UNRESOLVED";
    /** Validation: a claim cites nothing. */
    public static final String CLAIM_UNCITED = "CLAIM_UNCITED";

    /** Codes that no further attempt cures. */
    public static final List<String> PERMANENT = List.of(AGENT_QUESTION_INVALID, AGENT_NO_FACTS,
            AGENT_FACTS_TOO_LARGE, AGENT_TOOL_DENIED, AGENT_TOOL_INVALID, CITATION_UNRESOLVED, CLAIM_UNCITED);

    private AgentFailureCodes() {
    }
}
