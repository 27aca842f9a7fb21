package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.GroupChat;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/** The Teams deep links: each invitation names the other person's UPN; without emails there is none. */
class MsTeamsGroupChatsTest {
    private final MsTeamsGroupChats chats = new MsTeamsGroupChats();
    private final TenantId tenant = TenantId.of("m365-test");
    private final Person ana = new Person(PersonId.of("ana"), "Ana Silva", "ana+ops@contoso.example", null, null,
            Map.of(Platform.TEAMS, "aad-ana"));
    private final Person dana = new Person(PersonId.of("dana"), "Dana Smith", "dana@contoso.example", null, null,
            Map.of(Platform.TEAMS, "aad-dana"));

    @Test
    void eachInvitationLinksToANewChatWithTheOtherKeyedFromTheCallersKey() {
        Message opening = Message.text("Let's talk about the pallets & forms #2");

        GroupChat chat = chats.open(tenant, ana, dana, opening, "story-talk:s1", List.of());

        assertThat(chat).isInstanceOfSatisfying(GroupChat.Invited.class, invited -> {
            assertThat(invited.invitations()).extracting(Notification::to, Notification::key).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(ana.id(), "story-talk:s1:1"),
                    org.assertj.core.groups.Tuple.tuple(dana.id(), "story-talk:s1:2"));
            Link toAna = link(invited.invitations().get(0));
            Link toDana = link(invited.invitations().get(1));
            assertThat(toAna.label()).isEqualTo("Open a chat with Dana");
            assertThat(query(toAna.url())).containsEntry("users", "dana@contoso.example")
                    .containsEntry("topicName", "Handoff: Let's talk about the pallets & forms #2")
                    .containsEntry("message", "Hi Dana, ");
            assertThat(query(toDana.url())).containsEntry("users", "ana+ops@contoso.example");
            assertThat(toDana.url().getRawQuery()).doesNotContain("+").contains("ana%2Bops%40contoso.example");
        });
    }

    @Test
    void withoutAnEmailOrATeamsIdentityItIsNotPossible() {
        Person noEmail = new Person(PersonId.of("lee"), "Lee", null, null, null, Map.of(Platform.TEAMS, "aad-lee"));
        Person slackOnly = new Person(PersonId.of("sam"), "Sam", "sam@contoso.example", null, null,
                Map.of(Platform.SLACK, "USAM"));

        assertThat(chats.open(tenant, ana, noEmail, Message.text("x"), "k", List.of())).isInstanceOf(GroupChat.NotPossible.class);
        assertThat(chats.open(tenant, ana, slackOnly, Message.text("x"), "k", List.of())).isInstanceOf(GroupChat.NotPossible.class);
    }

    private static Link link(Notification invitation) {
        List<Link> links = invitation.message().blocks().stream().filter(Link.class::isInstance).map(Link.class::cast)
                .toList();
        assertThat(links).hasSize(1);
        return links.get(0);
    }

    private static Map<String, String> query(URI link) {
        assertThat(link.toString()).startsWith(MsTeamsGroupChats.DEEP_LINK + "?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : link.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
