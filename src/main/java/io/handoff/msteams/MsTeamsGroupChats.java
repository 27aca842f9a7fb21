package io.handoff.msteams;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.handoff.chat.GroupChat;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.chat.port.PlatformGroupChats;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * Group chats on Teams. A bot cannot create a group chat through the Bot Framework, so each of the two gets the
 * opening with a button "Open a chat with …" carrying Teams' deep link to a new chat,
 * {@code https://teams.microsoft.com/l/chat/0/0?users=<upn>&topicName=<…>&message=<…>} (the person who opens it is
 * always a participant, so {@code users} is the other person's UPN, here their email; see "Deep link to start a new
 * chat", learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-teams). The invitations go
 * out through delivery with keys derived from the caller's key, so a repeat sends nothing new.
 */
final class MsTeamsGroupChats implements PlatformGroupChats {
    static final String DEEP_LINK = "https://teams.microsoft.com/l/chat/0/0";
    private static final int MAX_TOPIC = 100;
    private static final int MAX_DRAFT = 200;

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                          List<Notification> fallback, Settled settled) {
        if (!first.identities().containsKey(Platform.TEAMS) || !second.identities().containsKey(Platform.TEAMS)
                || first.email() == null || second.email() == null) {
            return new GroupChat.NotPossible("both need a Teams identity and an email");
        }
        String topic = "Handoff: " + opening.summary();
        return new GroupChat.Invited(Platform.TEAMS, List.of(
                invitation(first, second, opening, topic, key + ":1"),
                invitation(second, first, opening, topic, key + ":2")));
    }

    private static Notification invitation(Person to, Person other, Message opening, String topic, String key) {
        String name = firstName(other);
        URI link = deepLink(other.email(), topic, "Hi " + name + ", ");
        List<io.handoff.chat.Block> blocks = new java.util.ArrayList<>(opening.blocks());
        blocks.add(Paragraph.of("Teams lets people, not bots, start a chat: the button opens one with " + name + "."));
        blocks.add(new Link("Open a chat with " + name, link));
        return new Notification(to.id(), new Message(opening.summary(), blocks), key);
    }

    /** The deep link to a new chat with {@code upn}, topic and draft text URL-encoded (spaces as %20). */
    static URI deepLink(String upn, String topic, String draft) {
        return URI.create(DEEP_LINK + "?users=" + encode(upn) + "&topicName=" + encode(truncate(topic, MAX_TOPIC))
                + "&message=" + encode(truncate(draft, MAX_DRAFT)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static String firstName(Person person) {
        String name = person.displayName().strip();
        int space = name.indexOf(' ');
        return space > 0 ? name.substring(0, space) : name;
    }
}
