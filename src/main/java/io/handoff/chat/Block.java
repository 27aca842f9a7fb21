package io.handoff.chat;

/** One piece of a message, form or home view; adapters render each kind natively (Block Kit, Adaptive Cards). */
public sealed interface Block permits Paragraph, Heading, Buttons, Divider, Link {
}
