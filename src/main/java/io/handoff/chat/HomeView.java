package io.handoff.chat;

import java.util.List;

/** A person's home view (Slack App Home tab, Teams personal tab or card). */
public record HomeView(List<Block> blocks) {
    public HomeView {
        blocks = List.copyOf(blocks);
    }
}
