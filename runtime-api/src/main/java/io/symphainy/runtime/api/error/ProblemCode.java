package io.symphainy.runtime.api.error;

import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The stable error codes of the HTTP contract, each with the HTTP status and short title it is always sent with.
 *
 * <p>Clients branch on {@link #name()} (sent as the {@code code} member of every problem), never on titles or
 * details, so names must not change once published.
 */
public enum ProblemCode {

    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is missing or is not valid JSON."),
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid or missing values."),
    TOO_MANY_FAILED_AUTHENTICATIONS(HttpStatus.TOO_MANY_REQUESTS, "Too many failed authentications",
            "Too many refused credentials came from this address; try again after Retry-After seconds."),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthenticated",
            "A valid API key is required in the X-API-Key header."),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden", "The credential lacks a role this operation requires."),
    TENANT_MISMATCH(HttpStatus.FORBIDDEN, "Tenant mismatch",
            "The tenant_id of the request differs from the tenant of the credential."),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found", "No resource exists at this location."),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
            "The HTTP method is not supported by this resource."),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
            "The resource cannot be represented in any media type the Accept header allows."),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", "The request body is too large."),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            "The Content-Type of the request is not supported by this resource."),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
            "The runtime failed to process the request; the failure has been logged."),
    SESSION_NOT_FOUND(HttpStatus.NOT_FOUND, "Session not found", "No such session exists for this tenant."),
    EXECUTION_NOT_FOUND(HttpStatus.NOT_FOUND, "Execution not found", "No such execution exists for this tenant."),
    SESSION_CLOSED(HttpStatus.CONFLICT, "Session closed", "The session is closed and accepts no further intents."),
    POLICY_DENIED(HttpStatus.FORBIDDEN, "Policy denied", "The tenant's policy does not allow this intent."),
    INVALID_POLICY(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid policy",
            "The policy document is not valid; see errors for each problem and the rule it concerns."),
    POLICY_NOT_FOUND(HttpStatus.NOT_FOUND, "Policy not found", "The tenant has published no such policy version."),
    EXECUTION_NOT_AWAITING_APPROVAL(HttpStatus.CONFLICT, "Execution not awaiting approval",
            "The execution is not, or no longer, waiting for an approval decision."),
    SELF_APPROVAL_FORBIDDEN(HttpStatus.FORBIDDEN, "Self-approval forbidden",
            "Whoever submitted an intent cannot decide on its approval."),
    APPROVAL_REJECTED(HttpStatus.FORBIDDEN, "Approval rejected",
            "An approver rejected the execution of this intent; nothing of it ran."),
    APPROVAL_EXPIRED(HttpStatus.CONFLICT, "Approval expired",
            "Nobody approved the execution of this intent before its deadline; nothing of it ran."),
    UNKNOWN_INTENT_TYPE(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown intent type",
            "No realm declares this intent type."),
    UNKNOWN_CAPABILITY_VERSION(HttpStatus.UNPROCESSABLE_ENTITY, "Unknown capability version",
            "This node has no such version of the capability; nothing was recorded."),
    REALM_MISMATCH(HttpStatus.UNPROCESSABLE_ENTITY, "Realm mismatch",
            "The intent names a realm other than the one of the capability for its type."),
    PAYLOAD_SCHEMA_VIOLATION(HttpStatus.UNPROCESSABLE_ENTITY, "Payload schema violation",
            "The intent payload does not satisfy the schema of its intent type."),
    IDEMPOTENCY_KEY_CONFLICT(HttpStatus.CONFLICT, "Idempotency key conflict",
            "The idempotency key was already used with a different request."),
    EXECUTION_ALREADY_FINISHED(HttpStatus.CONFLICT, "Execution already finished",
            "The execution already reached a terminal state."),
    EXECUTION_NOT_RESUMABLE(HttpStatus.CONFLICT, "Execution not resumable",
            "Only a failed or compensated execution can be resumed."),
    EXECUTION_NOT_WAITING(HttpStatus.CONFLICT, "Execution not waiting",
            "The execution has finished, or none of its steps waits (or will wait) for a signal of that name."),
    SIGNAL_PAYLOAD_INVALID(HttpStatus.UNPROCESSABLE_ENTITY, "Signal payload invalid",
            "The signal's payload does not satisfy the JSON Schema of the step waiting for it; nothing was recorded."),
    INVALID_WEBHOOK_URL(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid webhook URL",
            "The webhook URL must be an absolute http or https URL."),
    WEBHOOK_NOT_FOUND(HttpStatus.NOT_FOUND, "Webhook not found", "No such webhook exists for this tenant."),
    WEBHOOK_DELIVERY_NOT_FOUND(HttpStatus.NOT_FOUND, "Webhook delivery not found",
            "No such webhook delivery exists for this tenant."),
    WEBHOOK_DELIVERY_NOT_FAILED(HttpStatus.CONFLICT, "Webhook delivery not failed",
            "Only a delivery that failed for good can be retried."),
    API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND, "API key not found", "No such API key exists for this tenant."),
    DATA_REFERENCE_NOT_FOUND(HttpStatus.NOT_FOUND, "Data reference not found",
            "No such data reference exists for this tenant."),
    DATA_NOT_HYDRATABLE(HttpStatus.GONE, "Data not available",
            "The data reference exists but its content was deleted or cannot be read."),
    UPLOAD_FILE_MISSING(HttpStatus.BAD_REQUEST, "Upload file missing",
            "The multipart request has no non-empty file part."),
    CONTENT_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "Content too large",
            "The uploaded file is larger than the content store accepts (runtime.content.max-bytes)."),
    PROJECTION_CLAIMED_ELSEWHERE(HttpStatus.CONFLICT, "Projection claimed by another node",
            "Another node processes segments of this projection; rebuild it from that node or stop it there first."),
    PROJECTION_NOT_FOUND(HttpStatus.NOT_FOUND, "Projection not found", "No tracking projection has this name."),
    PROJECTION_NOT_REBUILDABLE(HttpStatus.CONFLICT, "Projection not rebuildable",
            "This event processor cannot be replayed: it acts on events instead of projecting them."),
    PROJECTION_REBUILD_IN_PROGRESS(HttpStatus.CONFLICT, "Projection rebuild in progress",
            "The projection is already being rebuilt; follow its progress."),
    TENANT_QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "Tenant quota exceeded",
            "The tenant reached a limit of its quota (named in limit) and nothing was recorded; try again after"
                    + " Retry-After seconds."),
    RUNTIME_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "Runtime busy",
            "The runtime takes no new intent right now and recorded nothing; try again after Retry-After seconds."),
    DATABASE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
            "The runtime cannot reach its database right now, so the request may not have taken effect; try again"
                    + " after Retry-After seconds (an intent sent again with its idempotency_key is recorded once)."),
    DATABASE_TIMEOUT(HttpStatus.SERVICE_UNAVAILABLE, "Database timeout",
            "A database statement ran past runtime.database.statement-timeout and was cancelled, so the request did"
                    + " not take effect; try again after Retry-After seconds.");

    private static final String TYPE_PREFIX = "urn:symphainy:problem:";

    /** Codes that stand for a bare HTTP status, used when framework errors carry no more specific meaning. */
    private static final Set<ProblemCode> PROTOCOL_CODES = EnumSet.of(INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN,
            NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, INTERNAL_ERROR);

    private final HttpStatus status;
    private final String title;
    private final String defaultDetail;

    ProblemCode(HttpStatus status, String title, String defaultDetail) {
        this.status = status;
        this.title = title;
        this.defaultDetail = defaultDetail;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A client-safe explanation used when the thrower has nothing more specific to say. */
    public String defaultDetail() {
        return defaultDetail;
    }

    /** The problem {@code type} URI, e.g. {@code urn:symphainy:problem:tenant-mismatch}. */
    public URI type() {
        return URI.create(TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /**
     * The protocol-level code for a status raised by the framework; statuses without an exact match fall back by
     * class so that every response still carries a code.
     */
    public static ProblemCode forStatus(HttpStatusCode status) {
        for (ProblemCode code : PROTOCOL_CODES) {
            if (code.status.value() == status.value()) {
                return code;
            }
        }
        return status.is4xxClientError() ? INVALID_REQUEST : INTERNAL_ERROR;
    }
}
