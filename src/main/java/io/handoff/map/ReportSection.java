package io.handoff.map;

import java.util.List;

import io.handoff.chat.Block;
import io.handoff.graph.TenantId;

/**
 * A section another module adds to the manager's report (e.g. the journeys' customer section), after the maps' own
 * sections; beans of this type are picked up in their order. Empty: nothing to add.
 */
@FunctionalInterface
public interface ReportSection {

    /** Blocks for the report of {@code viewer} (a manager of their teams, or an admin of the whole organisation). */
    List<Block> blocks(TenantId tenant, MapAccess.Viewer viewer);
}
