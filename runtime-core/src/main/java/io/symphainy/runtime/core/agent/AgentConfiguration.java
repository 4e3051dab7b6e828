package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.model.ExtractiveModel;
import io.symphainy.runtime.core.agent.model.OpenAiCompatibleModel;
import io.symphainy.runtime.core.agent.spi.ReasoningModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agents' reasoning model, chosen by {@code runtime.agent.model.provider}: the in-process extractive model by
 * default, or an OpenAI-compatible endpoint. An application may declare its own {@link ReasoningModel} bean instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
public class AgentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReasoningModel reasoningModel(AgentProperties properties) {
        AgentProperties.Model model = properties.model();
        return AgentProperties.OPENAI.equals(model.provider()) ? new OpenAiCompatibleModel(model)
                : new ExtractiveModel(model.maxClaims());
    }
}
