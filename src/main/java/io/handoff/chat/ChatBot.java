package io.handoff.chat;

/**
 * The port the chat adapters drive: the platform-neutral conversation. Adapters translate platform requests into
 * {@link Interaction}s, render the {@link Outcome}, and deliver its notifications after acknowledging the platform.
 */
public interface ChatBot {

    Outcome handle(Interaction interaction);

    /**
     * Whether the answer to this command concerns everyone where it was said (setting a shared channel's role), so an
     * adapter that answers commands said in shared places privately shows this answer there instead.
     */
    default boolean answeredWhereSaid(String commandText) {
        return false;
    }

    /** The person's home: internal customers, suppliers and what waits for their answer. */
    HomeView home(Actor actor);
}
