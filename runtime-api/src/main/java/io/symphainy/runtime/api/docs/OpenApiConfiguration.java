package io.symphainy.runtime.api.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.symphainy.runtime.api.security.ApiKeyAuthenticationFilter;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui/index.html}), generated from the
 * controllers: the two credentials as security schemes, schemas named as the JSON is (snake_case), and the
 * problem+json answers added centrally by {@link ProblemResponses} so controllers carry no documentation
 * annotations.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** Security scheme of the {@code X-API-Key} header. */
    public static final String API_KEY_SCHEME = "ApiKey";
    /** Security scheme of a bearer JWT. */
    public static final String BEARER_SCHEME = "BearerJwt";

    static {
        // The caller is resolved from the credential, never sent as a parameter.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(RuntimePrincipal.class);
    }

    @Bean
    public OpenAPI runtimeOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Symphainy Runtime API").version("v1")
                        .description("A governed execution runtime: sessions, intents, executions, governance,"
                                + " audit and replay. Errors are RFC 9457 application/problem+json with a stable"
                                + " `code`."))
                .components(new Components()
                        .addSecuritySchemes(API_KEY_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name(ApiKeyAuthenticationFilter.HEADER)
                                .description("An API key bound to a tenant, a user and roles."))
                        .addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A JWT with `tenant_id`, `sub` and `roles` claims, when configured."))
                        .addSchemas(ProblemResponses.PROBLEM_SCHEMA, ProblemResponses.problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY_SCHEME))
                .addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
    }

    /** Schemas follow the application's own JSON naming (snake_case). */
    @Bean
    public ModelResolver runtimeModelResolver(ObjectMapper objectMapper) {
        return new ModelResolver(objectMapper);
    }

    @Bean
    public OperationCustomizer problemResponses() {
        return new ProblemResponses();
    }
}
