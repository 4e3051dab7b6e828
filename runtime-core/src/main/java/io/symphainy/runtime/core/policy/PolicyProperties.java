package io.symphainy.runtime.core.policy;

import io.symphainy.runtime.core.policy.messages.Decision;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of policy decisions.
 *
 * @param defaultDecision what is decided for a tenant that has published no policy: DENY unless configured, so a
 *                        production runtime refuses work nobody approved of; the embedded quick-start says ALLOW
 */
@ConfigurationProperties("runtime.policy")
public record PolicyProperties(@DefaultValue("DENY") Decision defaultDecision) {
}
