package io.symphainy.runtime.api.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wires the pieces of error handling that are not picked up as MVC components: the problem writer shared with the
 * security layer, the request body limit, the refusal of wildcard body types and Tomcat's own error reports.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class ErrorHandlingConfiguration {

    /**
     * Runs right after the character-encoding and observation filters (which never read the body) and before
     * anything that might: form-content handling, Spring Security and the dispatcher servlet.
     */
    static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    public ProblemResponseWriter problemResponseWriter(ObjectMapper objectMapper) {
        return new ProblemResponseWriter(objectMapper);
    }

    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties limits,
                                                                                 ProblemResponseWriter writer) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits, writer));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ConcreteContentTypeFilter> concreteContentTypeFilter(ProblemResponseWriter writer) {
        FilterRegistrationBean<ConcreteContentTypeFilter> registration =
                new FilterRegistrationBean<>(new ConcreteContentTypeFilter(writer));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * What Tomcat refuses itself is answered with a problem too: the report valve Spring Boot puts on the host is
     * replaced (and named as the host's report valve, so that Tomcat adds no HTML one of its own when it starts).
     */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ProblemResponseWriter writer) {
        return factory -> factory.addContextCustomizers(context -> {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemErrorReportValve(writer));
            ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }
}
