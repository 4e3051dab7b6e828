package io.symphainy.runtime.core.policy;

import io.symphainy.runtime.core.policy.messages.Decision;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of policy decisions.
 *
 * @param defaultDecision what is decided for a tenant that has published no policy: DENY unless configured, so a
 *                        production runtime refuses work nobody approved of; the embedded quick-start says ALLOW
 * @param reloadAfter     how long this node decides with the policy version it read before reading the store again;
 *                        its own publications count at once, another node's within this time
 */
@ConfigurationProperties("runtime.policy")
public record PolicyProperties(@DefaultValue("DENY") Decision defaultDecision,
                               @DefaultValue("1s") Duration reloadAfter) {
}
