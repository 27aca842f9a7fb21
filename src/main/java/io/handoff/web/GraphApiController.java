package io.handoff.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Neighbourhood;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/** Admin read API over the graph (bearer token, see {@link AdminTokenFilter}). */
@RestController
@RequestMapping("/api/v1/tenants/{tenant}")
class GraphApiController {
    private final GraphStore store;

    GraphApiController(GraphStore store) {
        this.store = store;
    }

    @GetMapping("/graph")
    GraphView graph(@PathVariable String tenant) {
        TenantId id = existingTenant(tenant);
        return GraphView.of(id, store.graph(id));
    }

    @GetMapping("/people/{person}/map")
    EgoMapView map(@PathVariable String tenant, @PathVariable String person,
                   @RequestParam(defaultValue = "1") String depth) {
        TenantId id = existingTenant(tenant);
        PersonId centre = PersonId.of(person);
        Neighbourhood neighbourhood = store.neighbourhood(id, centre, parseDepth(depth));
        return new EgoMapView(centre.value(), neighbourhood.depth(), GraphView.of(id, neighbourhood.graph()));
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
            throw new IllegalArgumentException("depth must be a whole number between 1 and " + Neighbourhood.MAX_DEPTH);
        }
    }

    /** The centre person, how far the map reaches, and the people and handoffs within reach. */
    record EgoMapView(String centre, int depth, GraphView graph) {
    }
}
