package io.handoff.journey;

import java.util.List;

/**
 * A journey's experience blueprint: per stage and touchpoint, the front-line owners (front stage) and the chain of
 * internal handoffs behind them (backstage), walked upstream to {@code depth} hops.
 */
public record Blueprint(Journey journey, int depth, List<StagePlan> stages) {
    public Blueprint {
        stages = List.copyOf(stages);
    }

    /** One stage of the blueprint. */
    public record StagePlan(String name, List<TouchpointPlan> touchpoints) {
        public StagePlan {
            touchpoints = List.copyOf(touchpoints);
        }
    }

    /**
     * One touchpoint: its owners as they stand in the graph now ({@code missingTeams}/{@code missingPeople} were named
     * but are gone, e.g. deleted or forgotten; {@code ownerless} when no owner is left), the people on its front line
     * (owners named directly and members of owner teams), and the backstage handoffs, critical first.
     */
    public record TouchpointPlan(Touchpoint touchpoint, Owners owners, List<FrontLine> frontStage,
                                 List<BackstageHandoff> backstage) {
        public TouchpointPlan {
            frontStage = List.copyOf(frontStage);
            backstage = List.copyOf(backstage);
        }
    }
}
