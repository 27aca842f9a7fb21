package io.handoff.chat.port;

import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * One chat platform's answer to "may this person change how Handoff works with the platform" (set a team's channel,
 * sync teams from the platform's groups), asked by the core's {@code team-channel} and {@code sync-teams} commands
 * said on that platform. Slack: workspace admins and owners; Teams: Handoff admins. Each adapter that offers those
 * commands provides one; without one for a platform nobody there may.
 */
public interface PlatformAdmins {

    Platform platform();

    boolean isAdmin(TenantId tenant, PersonId person);

    /** Who may, for a refusal: "workspace admins and owners". */
    String who();
}
