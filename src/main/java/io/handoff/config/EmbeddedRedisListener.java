package io.handoff.config;

/** What the supervisor of the embedded redis-server tells the rest of the app; called on the supervisor's thread. */
public interface EmbeddedRedisListener {
    EmbeddedRedisListener NONE = new EmbeddedRedisListener() {
    };

    /** The server exited without being asked to; a restart is scheduled. */
    default void down() {
    }

    /** A restarted server answers again (its append-only file replayed). */
    default void up() {
    }

    /** A restarted server has stayed up for {@code stable-after}: the failures in a row are forgotten. */
    default void stable() {
    }

    /** {@code failures} restarts in a row failed; restarts go on, but the app should be restarted. */
    default void gaveUp(int failures) {
    }
}
