/**
 * SCIM 2.0 provisioning (RFC 7643, RFC 7644) at {@code /scim/v2/{tenant}}: an adapter, like {@code web}, that lets an
 * identity provider (Okta, Microsoft Entra ID) create, update, deactivate and group the people of a tenant. Users
 * become people of the graph (linked by email to the same person arriving from Slack or Teams), groups become teams.
 * The resource model, filters, PATCH, list and error bodies are UnboundID's SCIM 2 SDK; the endpoints are Spring MVC
 * controllers. Authentication: one bearer token per tenant ({@link io.handoff.scim.ScimTokens}), its own filter chain.
 */
@ApplicationModule(allowedDependencies = {
        "graph",     // people, teams, TenantKeys, the Deprovisioning port this adapter implements
        "redis",     // Lua scripts
        "privacy",   // my-data and forget-me of the SCIM record
        "security"   // filter chain order, stateless chains, security log
})
package io.handoff.scim;

import org.springframework.modulith.ApplicationModule;
