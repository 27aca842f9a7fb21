/**
 * The ports the platform adapters (Slack, Teams, the playground) implement: sending a message
 * ({@link io.handoff.chat.port.PlatformSender}), opening group chats, team channels and availability (out of office),
 * and the platform's part of the admin commands {@code team-channel} and {@code sync-teams} (who is an admin, where a
 * team's channel is, the platform's own groups); {@link io.handoff.chat.port.RetryAfter} reads a platform's
 * {@code Retry-After} alike for every adapter.
 * The chat module's second API, next to the interaction model in {@code io.handoff.chat}.
 */
@NamedInterface("port")
package io.handoff.chat.port;

import org.springframework.modulith.NamedInterface;
