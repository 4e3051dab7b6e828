package io.symphainy.runtime.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Reading Spring's route table in tests that cover every route: a pattern's path variables, the pattern with values
 * in their place, a mapping's HTTP methods.
 */
final class Routes {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

    private Routes() {
    }

    static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return names;
    }

    /** The pattern with each path variable replaced by the value given for its name. */
    static String fill(String pattern, UnaryOperator<String> valueOf) {
        Matcher variable = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(valueOf.apply(variable.group(1))));
        }
        return variable.appendTail(path).toString();
    }

    static List<String> methods(RequestMappingInfo mapping) {
        return mapping.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
    }
}
