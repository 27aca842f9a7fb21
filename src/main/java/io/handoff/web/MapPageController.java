package io.handoff.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.graph.PersonId;
import io.handoff.map.DependencyMap;
import io.handoff.map.MapAccess;
import io.handoff.map.MapCentring;
import io.handoff.map.MapGrant;
import io.handoff.map.MapRenderer;
import io.handoff.map.MapScope;
import io.handoff.map.MapService;
import io.handoff.map.MapSummary;
import io.handoff.map.export.JsonExport;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The interactive map behind a signed link: {@code GET /maps/{token}} serves the page (scripts and Cytoscape come
 * from this app, nothing from a CDN), {@code GET /maps/{token}/data[?centre=id]} its JSON, re-centred on a person
 * only when the link's viewer may see that person's map. The link is verified before the request gets here
 * ({@link MapLinkSecurity}: an altered or expired link gets 403); its grant is the authenticated principal. The
 * security headers (CSP, nosniff, no referrer, no framing) come from the security chain.
 */
@RestController
class MapPageController {
    private final MapService maps;
    private final MapAccess access;
    private final MapRenderer renderer;
    private final MapCentring centring;
    private final JsonExport json = new JsonExport();
    private final String page;

    MapPageController(MapService maps, MapAccess access, io.handoff.map.export.MapExporter exporter) {
        this.maps = maps;
        this.access = access;
        this.renderer = exporter.renderer();
        this.centring = new MapCentring(maps, access);
        this.page = resource("map-page.html");
    }

    @GetMapping(path = "/maps/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).body(page);
    }

    @GetMapping(path = "/maps/{token}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> data(@RequestParam(required = false) String centre, @AuthenticationPrincipal MapGrant grant) {
        MapScope scope = grant.scope();
        // Rights are checked again on every read: a link never shows more than its viewer may see today.
        MapAccess.Viewer viewer = access.viewer(grant.tenant(), grant.viewer());
        DependencyMap map;
        if (centre != null && !centre.isBlank()) {
            int depth = scope instanceof MapScope.Person p ? p.depth() : 1;
            MapCentring.Result result = centring.centre(viewer, scope, PersonId.of(centre.strip()), depth);
            if (result instanceof MapCentring.Result.NotShown notShown) {
                return notShown(notShown.reason());
            }
            map = ((MapCentring.Result.Shown) result).map();
        } else {
            MapAccess.Decision decision = access.decide(viewer, scope);
            if (!decision.allowed()) {
                return notShown(decision.explanation());
            }
            map = maps.build(grant.tenant(), scope);
        }
        ObjectNode body = json.tree(map, renderer.layout(map));
        MapSummary summary = MapSummary.of(map, maps.siloNames(grant.tenant(), map));
        ObjectNode about = body.putObject("summary");
        add(about.putArray("handedOver"), summary.handedOver());
        add(about.putArray("criticalHandoffs"), summary.criticalHandoffs());
        add(about.putArray("hiddenCustomers"), summary.hiddenCustomers());
        add(about.putArray("silos"), summary.silos());
        about.put("collapsedNote", summary.collapsedNote());
        body.put("viewer", grant.viewer().value());
        body.put("expiresAt", grant.expiresAt().toString());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /** 403 with a sentence the page shows as it is (a notice, not an error): {@code kind} tells the page so. */
    private static ResponseEntity<?> notShown(String reason) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).cacheControl(CacheControl.noStore())
                .body(java.util.Map.of("status", 403, "kind", "not-shown", "detail", reason));
    }

    private static void add(ArrayNode array, java.util.List<String> lines) {
        lines.forEach(array::add);
    }

    private static String resource(String name) {
        try (InputStream in = MapPageController.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
