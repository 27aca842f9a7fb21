package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.chat.GroupChat;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.port.PlatformGroupChats;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** The group chat opens on the platform both people are on (chosen, else last used), and nowhere else. */
class GroupChatRouterTest {
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final PlatformPreference preference = new PlatformPreference(TestRedis.client());
    private final Recording slack = new Recording(Platform.SLACK);
    private final Recording teams = new Recording(Platform.TEAMS);
    private final GroupChatRouter router = new GroupChatRouter(preference, List.of(slack, teams));
    private final Person ana = new Person(PersonId.of("ana"), "Ana Silva", "ana@x.example", null, null,
            Map.of(Platform.SLACK, "UANA", Platform.TEAMS, "aad-ana"));
    private final Person dana = new Person(PersonId.of("dana"), "Dana Kowalski", "dana@x.example", null, null,
            Map.of(Platform.SLACK, "UDANA", Platform.TEAMS, "aad-dana"));

    @Test
    void opensWhereBothLastWere() {
        preference.touched(tenant, ana.id(), Platform.TEAMS);
        preference.touched(tenant, dana.id(), Platform.TEAMS);

        Notification note = new Notification(ana.id(), Message.text("find a moment"), "k1:note");
        GroupChat chat = router.open(tenant, ana, dana, Message.text("hello"), "k1", List.of(note));

        assertThat(chat).isInstanceOf(GroupChat.Opened.class);
        assertThat(teams.keys).containsExactly("k1");
        assertThat(teams.fallbacks).containsExactly(List.of(note));
        assertThat(slack.keys).isEmpty();
    }

    @Test
    void aChosenPlatformWinsOverTheLastUsedOne() {
        preference.touched(tenant, ana.id(), Platform.TEAMS);
        preference.prefer(tenant, ana.id(), Optional.of(Platform.SLACK));
        preference.touched(tenant, dana.id(), Platform.SLACK);

        router.open(tenant, ana, dana, Message.text("hello"), "k2", List.of());

        assertThat(slack.keys).containsExactly("k2");
        assertThat(teams.keys).isEmpty();
    }

    @Test
    void differentPlatformsUnknownOnesAndThePlaygroundAreNotPossible() {
        preference.touched(tenant, ana.id(), Platform.SLACK);
        preference.touched(tenant, dana.id(), Platform.TEAMS);
        GroupChat mixed = router.open(tenant, ana, dana, Message.text("hello"), "k3", List.of());

        Person unknown = new Person(PersonId.of("lee"), "Lee", null, null, null, Map.of());
        GroupChat noPlatform = router.open(tenant, ana, unknown, Message.text("hello"), "k4", List.of());

        preference.touched(tenant, ana.id(), Platform.PLAYGROUND);
        preference.touched(tenant, dana.id(), Platform.PLAYGROUND);
        GroupChat playground = router.open(tenant, ana, dana, Message.text("hello"), "k5", List.of());

        assertThat(mixed).isInstanceOf(GroupChat.NotPossible.class);
        assertThat(noPlatform).isInstanceOf(GroupChat.NotPossible.class);
        assertThat(playground).isInstanceOfSatisfying(GroupChat.NotPossible.class,
                n -> assertThat(n.reason()).contains("playground"));
        assertThat(slack.keys).isEmpty();
        assertThat(teams.keys).isEmpty();
    }

    @Test
    void aPersonWithOneIdentityIsOnThatPlatformAndAFailingAdapterIsNotPossible() {
        Person slackOnly = new Person(PersonId.of("sam"), "Sam", null, null, null, Map.of(Platform.SLACK, "USAM"));
        preference.touched(tenant, ana.id(), Platform.SLACK);
        slack.fail = true;

        GroupChat chat = router.open(tenant, ana, slackOnly, Message.text("hello"), "k6", List.of());

        assertThat(slack.keys).containsExactly("k6");
        assertThat(chat).isInstanceOfSatisfying(GroupChat.NotPossible.class,
                n -> assertThat(n.reason()).contains("boom"));
    }

    /** A platform's group chats for the test: opens always (or fails on demand) and keeps the keys asked for. */
    private static final class Recording implements PlatformGroupChats {
        private final Platform platform;
        final List<String> keys = new ArrayList<>();
        final List<List<Notification>> fallbacks = new ArrayList<>();
        boolean fail;

        Recording(Platform platform) {
            this.platform = platform;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                              List<Notification> fallback, Settled settled) {
            keys.add(key);
            fallbacks.add(fallback);
            if (fail) {
                throw new IllegalStateException("boom");
            }
            return new GroupChat.Opened(platform, Optional.empty(), false);
        }
    }
}
