package io.symphainy.runtime.api.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.symphainy.runtime.api.content.ContentUploadController;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.health.HealthController;
import io.symphainy.runtime.api.intent.IntentController;
import io.symphainy.runtime.api.replay.ResumeController;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to every operation the problem+json answers it can give, from what its handler declares: 401 and 403 unless
 * it is public (missing credential; missing role or another tenant named), 400 when it takes parameters or a body,
 * 404 when its path names a resource, 409 when it changes a named or submitted resource, 413, 415 and 422 when it
 * takes a body, 503 unless it is public (the database unreachable or too slow; for intents also a busy intake), 429
 * for intents (a tenant over its quota, or an address with too many refused credentials). Each
 * answer shows the {@code Problem} schema and, as examples, the stable codes of its status.
 */
class ProblemResponses implements OperationCustomizer {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** Endpoints anyone may call, without credentials. */
    private static final Set<Class<?>> PUBLIC_CONTROLLERS = Set.of(HealthController.class);
    /** Endpoints that submit intents, which a busy intake turns away with a 503. */
    private static final Set<Class<?>> INTAKE_CONTROLLERS = Set.of(IntentController.class,
            ContentUploadController.class, ResumeController.class);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        boolean hasBody = hasParameter(handler, RequestBody.class) || hasParameter(handler, RequestPart.class);
        boolean hasInput = hasBody || hasParameter(handler, RequestParam.class)
                || hasParameter(handler, PathVariable.class);
        boolean changes = !handler.hasMethodAnnotation(GetMapping.class);
        if (hasInput) {
            add(operation, HttpStatus.BAD_REQUEST);
        }
        boolean intake = INTAKE_CONTROLLERS.contains(handler.getBeanType());
        if (PUBLIC_CONTROLLERS.contains(handler.getBeanType())) {
            operation.setSecurity(List.of());
        } else {
            add(operation, HttpStatus.UNAUTHORIZED);
            add(operation, HttpStatus.FORBIDDEN);
            add(operation, HttpStatus.SERVICE_UNAVAILABLE, code -> intake || code != ProblemCode.RUNTIME_BUSY);
        }
        if (intake) {
            add(operation, HttpStatus.TOO_MANY_REQUESTS);
        }
        if (hasParameter(handler, PathVariable.class)) {
            add(operation, HttpStatus.NOT_FOUND);
        }
        if (changes && hasInput) {
            add(operation, HttpStatus.CONFLICT);
        }
        if (hasBody) {
            add(operation, HttpStatus.PAYLOAD_TOO_LARGE);
            add(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            add(operation, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return operation;
    }

    /** The answer of a status, with an example of each code the API answers with that status. */
    private static void add(Operation operation, HttpStatus status) {
        add(operation, status, code -> true);
    }

    /** The answer of a status, with an example of each code of that status the operation may answer with. */
    private static void add(Operation operation, HttpStatus status, Predicate<ProblemCode> answered) {
        String key = String.valueOf(status.value());
        if (operation.getResponses().containsKey(key)) {
            return;
        }
        MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        for (ProblemCode code : ProblemCode.values()) {
            if (code.status() == status && answered.test(code)) {
                media.addExamples(code.name(), example(code));
            }
        }
        operation.getResponses().addApiResponse(key, new ApiResponse()
                .description(status.getReasonPhrase() + ": a problem whose `code` is one of the examples")
                .content(new Content().addMediaType(PROBLEM_JSON, media)));
    }

    private static Example example(ProblemCode code) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", code.type().toString());
        problem.put("title", code.title());
        problem.put("status", code.status().value());
        problem.put("detail", code.defaultDetail());
        problem.put("code", code.name());
        return new Example().summary(code.title()).value(problem);
    }

    private static boolean hasParameter(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> kind) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(kind)) {
                return true;
            }
        }
        return false;
    }

    /** The RFC 9457 problem every error answer carries, with the runtime's extensions. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema codes = new Schema<String>().type("string").description("stable error code clients branch on");
        codes.setEnum(List.of(ProblemCode.values()).stream().map(Enum::name).toList());
        Schema fieldViolation = new Schema<>().type("object")
                .addProperty("field", new Schema<String>().type("string")
                        .description("the field path as sent, e.g. items[0].unit_price"))
                .addProperty("message", new Schema<String>().type("string"));
        return new Schema<>().type("object")
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", new Schema<String>().type("string").format("uri"))
                .addProperty("title", new Schema<String>().type("string"))
                .addProperty("status", new Schema<Integer>().type("integer").format("int32"))
                .addProperty("detail", new Schema<String>().type("string"))
                .addProperty("instance", new Schema<String>().type("string").format("uri"))
                .addProperty("code", codes)
                .addProperty("errors", new Schema<>().type("array").items(fieldViolation)
                        .description("INVALID_REQUEST: each invalid field"))
                .addProperty("violations", new Schema<>().type("array").items(new Schema<String>().type("string"))
                        .description("PAYLOAD_SCHEMA_VIOLATION: each JSON Schema violation"))
                .addProperty("execution_id", new Schema<String>().type("string").format("uuid")
                        .description("the rejected execution recorded for a refused intent"))
                .addProperty("rule", new Schema<String>().type("string").description("POLICY_DENIED: the rule"))
                .addProperty("policy_version", new Schema<Integer>().type("integer").format("int32"))
                .required(List.of("type", "title", "status", "code"));
    }
}
