package io.handoff.chat;

import io.handoff.graph.Platform;

/** One chat platform's way to open a conversation between two people; each adapter that can provides one. */
public interface PlatformGroupChats extends GroupChats {

    Platform platform();
}
