package io.handoff.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.GraphQueries;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Neighbourhood;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Admin read API over the graph (bearer token, see {@link AdminTokenFilter}). */
@RestController
@Tag(name = "Graph", description = "people, teams and the handoffs between them")
@RequestMapping("/api/v1/tenants/{tenant}")
class GraphApiController {
    private final GraphStore store;
    private final Clock clock = Clock.systemUTC();

    GraphApiController(GraphStore store) {
        this.store = store;
    }

    @Operation(operationId = "getGraph", summary = "The whole graph: people, teams with their managers, every handoff")
    @GetMapping("/graph")
    GraphView graph(@PathVariable String tenant) {
        TenantId id = existingTenant(tenant);
        return GraphView.of(id, store.graph(id));
    }

    @Operation(operationId = "getEgoMap", summary = "A person's ego map: the people and handoffs within a depth")
    @ApiResponse(responseCode = "200", description = "the ego map")
    @ApiResponse(responseCode = "400", description = "depth is not a whole number from 1 to 3, or an id is not valid")
    @GetMapping("/people/{person}/map")
    EgoMapView map(@PathVariable String tenant, @PathVariable String person,
                   @Parameter(description = "how many handoffs away, 1 to 3")
                   @RequestParam(defaultValue = "1") String depth) {
        TenantId id = existingTenant(tenant);
        PersonId centre = PersonId.of(person);
        Neighbourhood neighbourhood = store.neighbourhood(id, centre, parseDepth(depth));
        return new EgoMapView(centre.value(), neighbourhood.depth(), GraphView.of(id, neighbourhood.graph()));
    }

    @Operation(operationId = "getInsights", summary = "Coverage, silos, team links, bottlenecks, hidden customers, "
            + "cycles and stale handoffs")
    @ApiResponse(responseCode = "200", description = "the insights")
    @ApiResponse(responseCode = "400", description = "staleAfterDays or limit out of range, or not a number")
    @GetMapping("/insights")
    InsightsView insights(@PathVariable String tenant,
                          @Parameter(description = "a handoff not confirmed for this many days is stale, 1 to 3650")
                          @RequestParam(defaultValue = "180") int staleAfterDays,
                          @Parameter(description = "most bottlenecks listed, 1 to 100")
                          @RequestParam(defaultValue = "10") int limit) {
        if (staleAfterDays < 1 || staleAfterDays > 3650) {
            throw new Refusal("staleAfterDays must be between 1 and 3650");
        }
        if (limit < 1 || limit > 100) {
            throw new Refusal("limit must be between 1 and 100");
        }
        TenantId id = existingTenant(tenant);
        TeamMap teams = store.teamMap(id);
        OrgGraph graph = store.graph(id);
        return new InsightsView(
                InsightsView.CoverageView.of(GraphQueries.coverage(teams)),
                GraphQueries.silos(teams).stream().map(t -> InsightsView.TeamRef.of(teams, t)).toList(),
                teams.links().stream().map(link -> InsightsView.TeamLinkView.of(teams, link)).toList(),
                GraphQueries.teamBottlenecks(teams, limit).stream()
                        .map(b -> InsightsView.TeamBottleneckView.of(teams, b)).toList(),
                GraphQueries.personBottlenecks(graph, limit).stream()
                        .map(b -> InsightsView.PersonBottleneckView.of(graph, b)).toList(),
                GraphQueries.hiddenCustomers(graph).stream()
                        .map(h -> InsightsView.HiddenCustomerView.of(graph, h)).toList(),
                GraphQueries.cycles(graph).stream().map(c -> c.stream().map(PersonId::value).toList()).toList(),
                GraphQueries.staleEdges(graph, clock.instant(), Duration.ofDays(staleAfterDays)).stream()
                        .map(GraphView.EdgeView::of).toList(),
                staleAfterDays);
    }

    private TenantId existingTenant(String tenant) {
        TenantId id = TenantId.of(tenant);
        if (store.tenant(id).isEmpty()) {
            throw new NotFoundException("no tenant '" + id + "'");
        }
        return id;
    }

    private static int parseDepth(String depth) {
        try {
            return Neighbourhood.requireDepth(Integer.parseInt(depth.strip()));
        } catch (NumberFormatException e) {
            throw new Refusal("depth must be a whole number between 1 and " + Neighbourhood.MAX_DEPTH);
        }
    }

    /** The centre person, how far the map reaches, and the people and handoffs within reach. */
    record EgoMapView(String centre, int depth, GraphView graph) {
    }
}
