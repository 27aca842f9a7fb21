package io.handoff.chat.port;

import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * One chat platform's way to read the organisation's teams from its own groups (Slack user groups), started by the
 * core's {@code sync-teams} command said on that platform by one of its admins ({@link PlatformAdmins}). A platform
 * without one has no such groups: teams come from the roster import there.
 */
public interface TeamSync {

    Platform platform();

    /** Where the teams come from, for the answers: "Slack user groups". */
    String source();

    /** Starts the sync in the background and returns at once (the platform wants its answer within seconds). */
    void start(TenantId tenant);
}
