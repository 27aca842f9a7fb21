package io.handoff.empathy;

/** Why a targeted nudge went out. */
public enum Signal {
    /** A handoff's friction aggregate fell against the previous period: its upstream hears it. */
    FRICTION_FELL,
    /** A handoff turned blocking: its downstream is asked for the story. */
    TURNED_BLOCKING,
    /** Someone new on one side of a handoff: the other side is told. */
    NEW_JOINER,
    /** A critical handoff nobody has told a story about: its downstream is asked for one. */
    CRITICAL_WITHOUT_STORY,
    /** A handoff not confirmed for the tenant's stale-after: its downstream is asked whether it still holds. */
    STALE
}
