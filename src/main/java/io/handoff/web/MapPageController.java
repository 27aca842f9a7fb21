package io.handoff.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.handoff.graph.PersonId;
import io.handoff.map.DependencyMap;
import io.handoff.map.MapAccess;
import io.handoff.map.MapGrant;
import io.handoff.map.MapLinkException;
import io.handoff.map.MapLinks;
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
 * only when the link's viewer may see that person's map. An altered or expired link gets 403.
 */
@RestController
class MapPageController {
    private static final String SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private final MapLinks links;
    private final MapService maps;
    private final MapAccess access;
    private final MapRenderer renderer;
    private final JsonExport json = new JsonExport();
    private final String page;

    MapPageController(MapLinks links, MapService maps, MapAccess access, io.handoff.map.export.MapExporter exporter) {
        this.links = links;
        this.maps = maps;
        this.access = access;
        this.renderer = exporter.renderer();
        this.page = resource("map-page.html");
    }

    @GetMapping(path = "/maps/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        try {
            links.verify(token);
        } catch (MapLinkException e) {
            return html(HttpStatus.FORBIDDEN, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>Map link not valid</title></head><body><h1>This map link cannot be opened</h1><p>"
                    + HtmlUtils.htmlEscape(e.getMessage()) + "</p></body></html>");
        }
        return html(HttpStatus.OK, page);
    }

    @GetMapping(path = "/maps/{token}/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> data(@PathVariable String token, @RequestParam(required = false) String centre) {
        MapGrant grant = links.verify(token);
        MapScope scope = grant.scope();
        if (centre != null && !centre.isBlank()) {
            int depth = scope instanceof MapScope.Person p ? p.depth() : 1;
            scope = new MapScope.Person(PersonId.of(centre.strip()), depth);
        }
        // Rights are checked again on every read: a link never shows more than its viewer may see today.
        MapAccess.Decision decision = access.decide(access.viewer(grant.tenant(), grant.viewer()), scope);
        if (!decision.allowed()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).cacheControl(CacheControl.noStore())
                    .body(java.util.Map.of("status", 403, "detail", decision.explanation()));
        }
        DependencyMap map = maps.build(grant.tenant(), scope);
        ObjectNode body = json.tree(map, renderer.layout(map));
        MapSummary summary = MapSummary.of(map, maps.siloNames(grant.tenant(), map));
        ObjectNode about = body.putObject("summary");
        add(about.putArray("criticalHandoffs"), summary.criticalHandoffs());
        add(about.putArray("hiddenCustomers"), summary.hiddenCustomers());
        add(about.putArray("silos"), summary.silos());
        about.put("collapsedNote", summary.collapsedNote());
        body.put("viewer", grant.viewer().value());
        body.put("expiresAt", grant.expiresAt().toString());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static void add(ArrayNode array, java.util.List<String> lines) {
        lines.forEach(array::add);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
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
