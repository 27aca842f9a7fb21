package io.handoff.privacy;

import java.util.List;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * A store that keeps data about a person. {@code my-data} shows every implementation's {@link #describe} (as text
 * and as a JSON export); {@code forget-me} calls every {@link #erase}. Each feature that stores something about a
 * person (stories, friction answers, nudges...) implements it as a Spring bean and is picked up automatically.
 */
public interface PersonalData {

    /** What is stored about the person, in sections a person can read; empty when nothing is stored. */
    List<DataSection> describe(TenantId tenant, PersonId person);

    /** Deletes everything stored about the person; returns what was deleted, in words ("3 stories"). */
    List<String> erase(TenantId tenant, PersonId person);

    /**
     * Stores are erased in ascending order; the graph goes last ({@link Integer#MAX_VALUE}) because other stores
     * may still need the person's handoffs to find what to delete.
     */
    default int eraseOrder() {
        return 0;
    }
}
