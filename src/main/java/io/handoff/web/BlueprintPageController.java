package io.handoff.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.handoff.graph.GraphStore;
import io.handoff.graph.OrgGraph;
import io.handoff.journey.Blueprint;
import io.handoff.journey.BlueprintFormat;
import io.handoff.journey.BlueprintPictures;
import io.handoff.journey.JourneyId;
import io.handoff.journey.JourneyQueries;
import io.handoff.journey.UnknownJourneyException;
import io.handoff.map.MapAccess;
import io.handoff.map.MapGrant;
import io.handoff.map.MapScope;

/**
 * The interactive blueprint behind a signed link ({@link BlueprintLinkSecurity}): {@code GET /blueprints/{token}}
 * (the page) and {@code GET /blueprints/{token}/export/{json|csv|mermaid|svg|png}} (its files). The link's grant
 * must be of a journey, and its viewer's rights are checked again on every read, as on the map page: a link never
 * shows more than its viewer may see today.
 */
@RestController
class BlueprintPageController {
    private final JourneyQueries queries;
    private final BlueprintPictures pictures;
    private final MapAccess access;
    private final GraphStore graph;

    BlueprintPageController(JourneyQueries queries, BlueprintPictures pictures, MapAccess access, GraphStore graph) {
        this.queries = queries;
        this.pictures = pictures;
        this.access = access;
        this.graph = graph;
    }

    @GetMapping(path = "/blueprints/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token, @AuthenticationPrincipal MapGrant grant) {
        Shown shown = shown(grant);
        if (shown.refusal() != null) {
            return refusal(shown.status(), shown.refusal());
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(BlueprintPage.html(token, shown.blueprint(), shown.org()::teamName));
    }

    @GetMapping("/blueprints/{token}/export/{format}")
    ResponseEntity<?> export(@PathVariable String format, @AuthenticationPrincipal MapGrant grant) {
        BlueprintFormat chosen = BlueprintFormat.parse(format).orElse(null);
        if (chosen == null) {
            return refusal(HttpStatus.NOT_FOUND, "There is no '" + (format.length() > 20 ? format.substring(0, 20)
                    : format) + "' download. The downloads are: " + BlueprintFormat.words() + ".");
        }
        Shown shown = shown(grant);
        if (shown.refusal() != null) {
            return refusal(shown.status(), shown.refusal());
        }
        BlueprintPictures.File file = pictures.export(shown.blueprint(), shown.org()::teamName, chosen);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .body(file.content());
    }

    /** The blueprint the grant may see now, or why not. */
    private record Shown(Blueprint blueprint, OrgGraph org, HttpStatus status, String refusal) {
    }

    private Shown shown(MapGrant grant) {
        if (!(grant.scope() instanceof MapScope.Journey journey)) {
            return new Shown(null, null, HttpStatus.FORBIDDEN, "This link is not for a customer journey's blueprint.");
        }
        MapAccess.Decision decision = access.decide(access.viewer(grant.tenant(), grant.viewer()), journey);
        if (!decision.allowed()) {
            return new Shown(null, null, HttpStatus.FORBIDDEN, decision.explanation());
        }
        try {
            Blueprint blueprint = queries.blueprint(grant.tenant(), JourneyId.of(journey.journey()), queries.depth());
            return new Shown(blueprint, graph.graph(grant.tenant()), HttpStatus.OK, null);
        } catch (UnknownJourneyException e) {
            return new Shown(null, null, HttpStatus.NOT_FOUND, "This journey no longer exists.");
        }
    }

    private static ResponseEntity<String> refusal(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Blueprint not shown"
                        + "</title></head><body><main><h1>This blueprint is not shown</h1><p>"
                        + HtmlUtils.htmlEscape(reason) + "</p></main></body></html>");
    }
}
