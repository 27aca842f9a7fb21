package io.handoff.playground;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local browser playground.
 *
 * @param enabled      HANDOFF_PLAYGROUND: {@code auto} (on when no Slack or Teams credentials are set), {@code true},
 *                     {@code false}
 * @param allowRemote  HANDOFF_PLAYGROUND_ALLOW_REMOTE: serve the playground to other machines and under any host
 *                     name, not only to loopback connections addressed to localhost
 * @param allowedHosts HANDOFF_PLAYGROUND_ALLOWED_HOSTS: host names (comma-separated, any port) the playground
 *                     answers to besides {@code localhost}, {@code 127.0.0.1} and {@code [::1]}; a request naming
 *                     any other {@code Host} is refused (DNS rebinding)
 */
@ConfigurationProperties("handoff.playground")
record PlaygroundProperties(@DefaultValue("auto") String enabled, @DefaultValue("false") boolean allowRemote,
                                   @DefaultValue List<String> allowedHosts) {
}
