/**
 * The Slack adapter (Bolt): verifies and translates Slack's requests into neutral {@code Interaction}s, renders
 * {@code Outcome}s as Block Kit, and implements the {@code chat.port} ports for Slack. It may use only what every
 * chat adapter needs; a dependency on any other module's API fails {@code ModularityTest}.
 */
@ApplicationModule(allowedDependencies = {
        "chat", "chat :: port",   // the interaction model and the ports this adapter implements
        "graph",                  // ids, people, teams, TenantKeys
        "redis",                  // Lua scripts, claim-once
        "crypto",                 // sealing installation tokens
        "delivery",               // PlatformPreference: where a person last answered
        "map"                     // MapProperties: where map links point
})
package io.handoff.slack;

import org.springframework.modulith.ApplicationModule;
