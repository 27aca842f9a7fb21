package io.handoff.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import io.handoff.graph.TeamId;
import io.handoff.journey.BackstageHandoff;
import io.handoff.journey.Blueprint;
import io.handoff.journey.BlueprintFormat;
import io.handoff.journey.FrontLine;
import io.handoff.journey.Journey;
import io.handoff.journey.Touchpoint;

/**
 * The blueprint page's HTML, written on the server with every person-typed text escaped: the picture (the SVG
 * export), the four lanes in words, and each touchpoint stage by stage as a disclosure (a native {@code details},
 * so it opens with the keyboard) listing its front stage, backstage and support; downloads of every export. The
 * small script (a static asset) only filters to the game-over moments and opens or closes them all.
 */
final class BlueprintPage {
    private BlueprintPage() {
    }

    static String html(String token, Blueprint blueprint, Function<TeamId, String> teamName) {
        Journey journey = blueprint.journey();
        StringBuilder h = new StringBuilder(8_192);
        h.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>").append(e(journey.name()))
                .append(": experience blueprint</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/blueprints/blueprint.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#moments-heading\">Skip to the touchpoints</a>\n<header>\n")
                .append("<h1 id=\"title\">").append(e(journey.name())).append(": experience blueprint</h1>\n")
                .append("<p>For ").append(e(journey.customer())).append(". Each moment the customer lives through, "
                        + "who serves them there, and the handoffs behind those people (up to ")
                .append(blueprint.depth()).append(" handoffs upstream).</p>\n")
                .append("<nav aria-label=\"Downloads\"><h2 class=\"inline\">Download</h2><ul class=\"downloads\">");
        for (BlueprintFormat format : BlueprintFormat.values()) {
            h.append("<li><a href=\"").append(e(token)).append("/export/").append(format.word()).append("\">")
                    .append(label(format)).append("</a></li>");
        }
        h.append("</ul></nav>\n<div class=\"controls\">")
                .append("<label><input type=\"checkbox\" id=\"game-over-only\"> Show only game-over moments</label> ")
                .append("<button type=\"button\" id=\"open-all\">Open every touchpoint</button>")
                .append("<p id=\"status\" role=\"status\"></p></div>\n</header>\n<main>\n");
        h.append("<section aria-labelledby=\"lanes-heading\">\n<h2 id=\"lanes-heading\">The swim lanes</h2>\n")
                .append("<dl class=\"lanes\" id=\"lanes\">")
                .append(lane("customer", "Customer", "the touchpoints, in stage order; a game-over one (if it fails, "
                        + "we lose the customer) is an octagon marked GAME OVER"))
                .append(lane("front-stage", "Front stage", "the front-line owners: people named as owners and the "
                        + "members of owner teams; a dashed No owner box where nobody is left"))
                .append(lane("backstage", "Backstage", "the people who hand work straight to the front line"))
                .append(lane("support", "Support", "the people further upstream, 2 to " + blueprint.depth()
                        + " handoffs from the front line"))
                .append("</dl>\n</section>\n");
        h.append("<figure class=\"picture\" tabindex=\"0\" aria-labelledby=\"picture-caption\">")
                .append("<img src=\"").append(e(token)).append("/export/svg\" alt=\"The blueprint of ")
                .append(e(journey.name())).append(" in four swim lanes; every touchpoint and handoff in it is listed "
                        + "below.\"><figcaption id=\"picture-caption\">The blueprint as a picture (scroll sideways on "
                        + "a small screen). Arrows run from upstream to the people they serve; colour is friction, "
                        + "grey where too few people answered.</figcaption></figure>\n");
        h.append("<section aria-labelledby=\"moments-heading\">\n<h2 id=\"moments-heading\" tabindex=\"-1\">")
                .append("Touchpoints, stage by stage</h2>\n");
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            h.append("<h3>").append(e(stage.name())).append("</h3>\n<ol class=\"moments\">\n");
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                moment(h, plan, teamName);
            }
            h.append("</ol>\n");
        }
        h.append("</section>\n</main>\n<script src=\"/assets/blueprints/blueprint.js\"></script>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void moment(StringBuilder h, Blueprint.TouchpointPlan plan, Function<TeamId, String> teamName) {
        Touchpoint t = plan.touchpoint();
        h.append("<li class=\"moment").append(t.gameOver() ? " game-over" : "").append("\" data-touchpoint=\"")
                .append(e(t.id().value())).append("\"><details><summary>");
        if (t.gameOver()) {
            h.append("<span class=\"badge\">GAME OVER</span> ");
        }
        h.append("<span class=\"name\">").append(e(t.name())).append("</span> <span class=\"meta\">")
                .append(e(t.channel().code().replace('-', ' '))).append(", ").append(e(t.weight().code()
                        .replace('-', ' '))).append(plan.owners().ownerless() ? ", no owner" : "")
                .append("</span></summary>\n<div class=\"lanes-of\">");
        h.append("<h4>Front stage</h4>");
        if (plan.frontStage().isEmpty()) {
            h.append("<p class=\"ownerless\">No owner: ").append(plan.owners().ownerless() ? "nobody owns this moment"
                    : "its owner teams have nobody in them").append(missing(plan)).append(".</p>");
        } else {
            h.append("<ul>");
            for (FrontLine f : plan.frontStage()) {
                h.append("<li>").append(e(f.name()));
                if (f.team() != null) {
                    h.append(" <span class=\"meta\">(").append(e(teamName.apply(f.team())))
                            .append(f.viaTeam() ? ", through the team" : "").append(")</span>");
                }
                h.append("</li>");
            }
            h.append("</ul>").append(missing(plan).isEmpty() ? "" : "<p class=\"meta\">" + missing(plan).strip()
                    + ".</p>");
        }
        handoffs(h, "Backstage", plan.backstage().stream().filter(b -> b.hops() <= 1).toList());
        handoffs(h, "Support", plan.backstage().stream().filter(b -> b.hops() > 1).toList());
        h.append("</div></details></li>\n");
    }

    private static String missing(Blueprint.TouchpointPlan plan) {
        int gone = plan.owners().missingTeams().size() + plan.owners().missingPeople().size();
        return gone == 0 ? "" : " (" + gone + (gone == 1 ? " owner was" : " owners were") + " removed since)";
    }

    private static void handoffs(StringBuilder h, String lane, List<BackstageHandoff> handoffs) {
        h.append("<h4>").append(lane).append("</h4>");
        if (handoffs.isEmpty()) {
            h.append("<p class=\"meta\">Nobody here within the blueprint's depth.</p>");
            return;
        }
        h.append("<ul>");
        for (BackstageHandoff b : handoffs) {
            h.append("<li><strong>").append(e(b.upstreamName())).append("</strong> hands <strong>")
                    .append(e(b.downstreamName())).append("</strong>: ").append(e(b.what()))
                    .append(" <span class=\"meta\">(").append(b.criticality().name().toLowerCase(Locale.ROOT))
                    .append(", ").append(b.status().name().toLowerCase(Locale.ROOT)).append(", ")
                    .append(b.hops()).append(b.hops() == 1 ? " handoff" : " handoffs").append(" from the front line")
                    .append(b.stale() ? ", not confirmed for " + b.daysSinceConfirmed() + " days" : "")
                    .append("; ").append(b.friction().map(f -> String.format(Locale.ROOT,
                            "friction %.2f from %d people", f.score(), f.respondents()))
                            .orElse("friction not shown: no poll yet, or too few answers"))
                    .append(")</span></li>");
        }
        h.append("</ul>");
    }

    private static String lane(String id, String name, String meaning) {
        return "<div class=\"lane\" id=\"lane-" + id + "\"><dt>" + name + "</dt><dd>" + e(meaning) + "</dd></div>";
    }

    private static String label(BlueprintFormat format) {
        return switch (format) {
            case PNG -> "PNG picture";
            case SVG -> "SVG picture";
            case JSON -> "JSON data";
            case CSV -> "CSV table";
            case MERMAID -> "Mermaid chart";
        };
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
