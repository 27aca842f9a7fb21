package io.handoff.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local browser playground.
 *
 * @param enabled     HANDOFF_PLAYGROUND: {@code auto} (on when no Slack or Teams credentials are set), {@code true},
 *                    {@code false}
 * @param allowRemote HANDOFF_PLAYGROUND_ALLOW_REMOTE: serve the playground to other machines, not only to localhost
 */
@ConfigurationProperties("handoff.playground")
public record PlaygroundProperties(@DefaultValue("auto") String enabled, @DefaultValue("false") boolean allowRemote) {
}
