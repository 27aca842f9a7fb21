package io.handoff.delivery;

/**
 * Why a message goes out, which decides the rules it obeys (see {@link DeliveryRules}).
 */
public enum MessageKind {
    /**
     * Handoff starts the conversation on its own schedule: story prompts, friction polls, survey reminders, digests.
     * Obeys working hours, the weekly cap, pauses, out of office and forget-me.
     */
    NUDGE,
    /**
     * A colleague's action asks this person something right now (confirm or dispute a handoff they named). Exempt
     * from the weekly cap (the person's colleague, not Handoff, started it), but it still waits for working hours and
     * the end of an absence, and is never sent to a paused or forgotten person.
     */
    CONFIRMATION,
    /**
     * The answer to the person's own action that could not be given within the platform's acknowledgement (their
     * survey answers were saved, or could not be): sent at once, whatever the hour, a pause or an absence, since
     * they are waiting for it. Only a forgotten person is skipped.
     */
    REPLY
}
