package io.handoff.chat.port;

import io.handoff.chat.GroupChats;
import io.handoff.graph.Platform;

/** One chat platform's way to open a conversation between two people; each adapter that can provides one. */
public interface PlatformGroupChats extends GroupChats {

    Platform platform();
}
