package io.handoff.delivery;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.GroupChat;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.port.PlatformGroupChats;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Opens a group chat on the platform where both people are ({@link PlatformPreference#current}: chosen, else last
 * used). When they are on different platforms, or where they are has no group chats (the playground), it is not
 * possible and the caller falls back.
 */
public final class GroupChatRouter implements GroupChats {
    private static final Logger log = LoggerFactory.getLogger(GroupChatRouter.class);

    private final PlatformPreference preference;
    private final List<PlatformGroupChats> platforms;

    public GroupChatRouter(PlatformPreference preference, List<PlatformGroupChats> platforms) {
        this.preference = preference;
        this.platforms = List.copyOf(platforms);
    }

    @Override
    public GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                          List<Notification> fallback, Settled settled) {
        Optional<Platform> firstOn = preference.current(tenant, first);
        Optional<Platform> secondOn = preference.current(tenant, second);
        if (firstOn.isEmpty() || !firstOn.equals(secondOn)) {
            log.info("No group chat for {} in tenant {}: the two are on {} and {}", key, tenant,
                    firstOn.map(Platform::code).orElse("no known platform"),
                    secondOn.map(Platform::code).orElse("no known platform"));
            return new GroupChat.NotPossible("the two are not on the same platform");
        }
        Platform platform = firstOn.get();
        for (PlatformGroupChats chats : platforms) {
            if (chats.platform() == platform) {
                try {
                    return chats.open(tenant, first, second, opening, key, fallback, settled);
                } catch (RuntimeException e) {
                    log.warn("Opening group chat {} on {} in tenant {} failed", key, platform.code(), tenant, e);
                    return new GroupChat.NotPossible(platform.code() + " failed: " + e.getMessage());
                }
            }
        }
        return new GroupChat.NotPossible(platform.code() + " has no group chats");
    }
}
