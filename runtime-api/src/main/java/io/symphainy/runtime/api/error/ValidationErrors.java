package io.symphainy.runtime.api.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Collects the failures of the three ways Spring validates a request (bound {@code @Valid} bodies, built-in method
 * validation, Bean Validation method interceptors) into one list of {@link FieldViolation}s named as sent.
 */
class ValidationErrors {

    private final FieldNames fieldNames;

    ValidationErrors(FieldNames fieldNames) {
        this.fieldNames = fieldNames;
    }

    List<FieldViolation> of(Errors errors) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : errors.getFieldErrors()) {
            violations.add(new FieldViolation(fieldNames.toJson(error.getField()), error.getDefaultMessage()));
        }
        errors.getGlobalErrors().forEach(error -> violations.add(new FieldViolation(null, error.getDefaultMessage())));
        return violations;
    }

    List<FieldViolation> of(HandlerMethodValidationException exception) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : exception.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                violations.addAll(of(errors));
                continue;
            }
            String name = requestName(result.getMethodParameter());
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                violations.add(new FieldViolation(name, error.getDefaultMessage()));
            }
        }
        return violations;
    }

    List<FieldViolation> of(Collection<? extends ConstraintViolation<?>> constraintViolations) {
        return constraintViolations.stream()
                .map(violation -> new FieldViolation(path(violation.getPropertyPath()), violation.getMessage()))
                .toList();
    }

    /** The name the client used: the explicit name of a request parameter, path variable or header if given. */
    private String requestName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return fieldNames.toJson(parameter.getParameterName());
    }

    /**
     * Drops the method and parameter nodes of a method-validation path when the violation lies inside a parameter,
     * because the client knows the body's fields, not the Java method that received them.
     */
    private String path(Path propertyPath) {
        String parameter = null;
        StringBuilder inside = new StringBuilder();
        for (Path.Node node : propertyPath) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (inside.isEmpty() && parameter != null && isElement(node)) {
                // An element of a list parameter: name the list, as the client knows it.
                inside.append(parameter);
            }
            appendElementPosition(inside, node);
            // Container elements (List<@NotBlank String>) are named by their position alone.
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!inside.isEmpty()) {
                    inside.append('.');
                }
                inside.append(node.getName());
            }
        }
        return fieldNames.toJson(inside.isEmpty() ? parameter : inside.toString());
    }

    private static boolean isElement(Path.Node node) {
        return node.getIndex() != null || node.getKey() != null;
    }

    /** A node inside a list or map carries the position in its parent, which belongs before the node's name. */
    private static void appendElementPosition(StringBuilder path, Path.Node node) {
        if (node.getIndex() != null) {
            path.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
            path.append('[').append(node.getKey()).append(']');
        }
    }
}
