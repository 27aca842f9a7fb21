/**
 * The Microsoft Teams adapter (Bot Framework SDK, kept behind this package): verifies and translates activities into
 * neutral {@code Interaction}s, renders {@code Outcome}s as Adaptive Cards, and implements the {@code chat.port} ports
 * for Teams. It may use only what every chat adapter needs; a dependency on any other module's API fails
 * {@code ModularityTest}.
 */
@ApplicationModule(allowedDependencies = {
        "chat", "chat :: port",   // the interaction model and the ports this adapter implements
        "graph",                  // ids, people, teams, TenantKeys
        "redis",                  // Lua scripts, claim-once
        "delivery",               // PlatformPreference: where a person last answered
        "map",                    // map links and who may see them, for files shown by link
        "privacy",                // the adapter's own my-data / forget-me part (Teams ids, files)
        "security"                // the signed-link chain and the webhook's filter order
})
package io.handoff.msteams;

import org.springframework.modulith.ApplicationModule;
