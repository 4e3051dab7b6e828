package io.symphainy.runtime.api.security;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets controller methods declare a {@link RuntimePrincipal} parameter and receive the authenticated caller,
 * without touching Spring Security types.
 */
public class RuntimePrincipalArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return RuntimePrincipal.class.equals(parameter.getParameterType());
    }

    /**
     * @throws ProblemException UNAUTHENTICATED when the endpoint was reached without a key, which only a public
     *                          endpoint allows; such endpoints should not ask for a principal
     */
    @Override
    public RuntimePrincipal resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current();
    }

    /** The authenticated caller of the current request, for code that is not a controller method parameter. */
    public static RuntimePrincipal current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof RuntimePrincipal principal) {
            return principal;
        }
        throw new ProblemException(ProblemCode.UNAUTHENTICATED);
    }
}
