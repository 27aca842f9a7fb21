package io.handoff.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.handoff.map.DatedFriction;
import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.OrgGraph;

/**
 * The journeys' chat texts as platform-neutral blocks: the Home sentence of a person's line of sight, the list of
 * journeys, and a journey's blueprint with what fell and where to look inside. Names and texts are literal spans.
 */
final class JourneyMessages {
    /** Most moments the Home names. */
    static final int HOME_MOMENTS = 3;
    /** Each paragraph stays well below the platforms' limits (Slack: 3,000 characters per section). */
    private static final int PARAGRAPH_CHARS = 2_500;

    private JourneyMessages() {
    }

    /** "Where your work reaches customers": game-over and nearest moments first, at most three; none: nothing. */
    static List<Block> home(List<CustomerMoments.Moment> moments) {
        if (moments.isEmpty()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("Where your work reaches customers"));
        moments.stream().limit(HOME_MOMENTS).forEach(m -> blocks.add(moment(m)));
        return blocks;
    }

    /** {@code Your work (loaded trucks) reaches customers at *Parcel delivered* through Dana, one hop; a game-over moment.} */
    static Paragraph moment(CustomerMoments.Moment m) {
        Paragraph.Builder p = Paragraph.builder();
        if (m.hops() == 0) {
            p.plain("You are on the front line at ").strong(m.touchpoint()).plain(" (" + m.journey() + ")");
        } else {
            p.plain("Your work" + (m.firstHandoff().isBlank() ? "" : " (" + m.firstHandoff() + ")")
                            + " reaches customers at ")
                    .strong(m.touchpoint())
                    .plain(" through " + m.throughInWords() + ", " + m.hopsInWords());
        }
        return p.plain(m.gameOver() ? "; a game-over moment." : ".").build();
    }

    static Message list(List<Journey> journeys) {
        if (journeys.isEmpty()) {
            return Message.text("There are no customer journeys yet. An admin can define them through the admin API "
                    + "(PUT /api/v1/tenants/{tenant}/journeys/{id}).");
        }
        Paragraph.Builder p = Paragraph.builder().strong("Customer journeys:");
        for (Journey j : journeys) {
            long gameOver = j.touchpoints().stream().filter(Touchpoint::gameOver).count();
            p.plain("\n• ").strong(j.name()).plain(" (" + j.id() + "): for " + j.customer() + "; "
                    + j.touchpoints().size() + " touchpoints" + (gameOver > 0 ? ", " + gameOver + " game over" : ""));
        }
        return new Message("Customer journeys: " + journeys.stream().map(Journey::name)
                .collect(Collectors.joining(", ")), List.of(p.build(),
                Paragraph.of("Type 'journey <id or name>' for one journey's blueprint and what fell.")));
    }

    /** The blueprint, the fallen signals and where to look inside. */
    static Message insight(JourneyInsights.Insight insight, OrgGraph org, int minRespondents, int threshold) {
        Blueprint blueprint = insight.blueprint();
        Journey journey = blueprint.journey();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(journey.name() + ": the blueprint"));
        blocks.add(Paragraph.of("For " + journey.customer() + ". Each touchpoint with its weight and front-line "
                + "owners (front stage), and how many internal handoffs stand behind them (backstage, up to "
                + blueprint.depth() + " hops)."));
        List<Paragraph.Builder> stages = new ArrayList<>();
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            Paragraph.Builder p = Paragraph.builder().strong(stage.name());
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                Touchpoint t = plan.touchpoint();
                p.plain("\n• ").strong(t.name()).plain(" (" + t.channel().code().replace('-', ' ') + ", "
                        + t.weight().code().replace('-', ' ') + "): " + owners(plan, org)
                        + "; " + plan.backstage().size() + (plan.backstage().size() == 1 ? " handoff" : " handoffs")
                        + " behind");
            }
            stages.add(p);
        }
        blocks.addAll(fit(stages));
        String headline = journey.name() + ": " + (insight.fallen().isEmpty() ? "no customer signal fell"
                : insight.fallen().size() + (insight.fallen().size() == 1 ? " touchpoint's" : " touchpoints'")
                + " customer signal fell");
        blocks.add(new Heading("Customer signals that fell"));
        if (insight.fallen().isEmpty()) {
            blocks.add(Paragraph.of("None: no touchpoint's signal is worse over its latest 3 periods than over the 3 "
                    + "before by " + threshold + "% or more."));
        }
        List<Paragraph.Builder> fell = new ArrayList<>();
        for (JourneyInsights.FallenTouchpoint f : insight.fallen()) {
            Paragraph.Builder p = Paragraph.builder().strong(f.touchpoint().name())
                    .plain(f.touchpoint().gameOver() ? " (game over)" : "");
            f.falls().forEach(fall -> p.plain("\n• " + fall.describe()));
            fell.add(p);
        }
        blocks.addAll(fit(fell));
        if (!insight.fallen().isEmpty()) {
            blocks.add(new Heading("Where to look inside"));
            List<Paragraph.Builder> inside = new ArrayList<>();
            for (JourneyInsights.FallenTouchpoint f : insight.fallen()) {
                Paragraph.Builder p = Paragraph.builder().plain("Behind ").strong(f.touchpoint().name());
                if (!f.recent()) {
                    p.plain(": its signal fell too long ago to compare with the friction of the latest periods.");
                } else if (!f.compared()) {
                    p.plain(": not enough answers yet. No handoff behind it had at least " + minRespondents
                            + " people answering the friction poll in the last " + DatedFriction.LOOK_BACK
                            + " periods, so Handoff cannot say whether friction moved with it.");
                } else if (f.movedTogether().isEmpty()) {
                    p.plain(": no backstage handoff's friction rose over the same periods (compared up to "
                            + f.comparedUpTo().get() + ", the latest with at least " + minRespondents
                            + " answers).");
                } else {
                    p.plain(", friction rose on these handoffs over the same periods, compared up to "
                            + f.comparedUpTo().get() + " (the latest with at least " + minRespondents
                            + " answers). They moved together with the customer signal; that alone does not tell why, "
                            + "so ask the people on both sides:");
                    f.movedTogether().forEach(h -> p.plain("\n• " + handoff(h)));
                }
                inside.add(p);
            }
            blocks.addAll(fit(inside));
        }
        return new Message(headline, blocks);
    }

    static String owners(Blueprint.TouchpointPlan plan, OrgGraph org) {
        Owners owners = plan.owners();
        if (owners.ownerless()) {
            return "ownerless: no team or person owns it";
        }
        List<String> names = new ArrayList<>();
        owners.teams().forEach(t -> names.add(org.teamName(t)));
        owners.people().forEach(p -> names.add(org.person(p).map(x -> x.displayName()).orElse(p.value())));
        return String.join(", ", names);
    }

    /** {@code Pat Okafor → Dana Kowalski: truck loaded in delivery order (critical, friction 62%, up from 30%)}. */
    static String handoff(BackstageHandoff h) {
        StringBuilder text = new StringBuilder(h.upstreamName()).append(" → ").append(h.downstreamName()).append(": ")
                .append(h.what()).append(" (").append(h.criticality().name().toLowerCase(Locale.ROOT));
        h.friction().ifPresent(f -> {
            List<Double> trend = f.trend();
            int n = SignalFalls.WINDOW;
            double before = trend.subList(trend.size() - 2 * n, trend.size() - n).stream()
                    .mapToDouble(Double::doubleValue).average().orElse(0);
            double now = trend.subList(trend.size() - n, trend.size()).stream()
                    .mapToDouble(Double::doubleValue).average().orElse(0);
            text.append(String.format(Locale.ROOT, ", friction %.0f%% over the latest %d periods, up from %.0f%%; "
                    + "%d people answered", now * 100, n, before * 100, f.respondents()));
        });
        return text.append(')').toString();
    }

    /** Paragraphs as given, a long one split at its lines so none exceeds {@link #PARAGRAPH_CHARS}. */
    private static List<Paragraph> fit(List<Paragraph.Builder> builders) {
        List<Paragraph> out = new ArrayList<>();
        for (Paragraph.Builder builder : builders) {
            Paragraph whole = builder.build();
            if (whole.plainText().length() <= PARAGRAPH_CHARS) {
                out.add(whole);
                continue;
            }
            List<io.handoff.chat.Span> part = new ArrayList<>();
            int length = 0;
            for (io.handoff.chat.Span span : whole.spans()) {
                if (length + span.text().length() > PARAGRAPH_CHARS && !part.isEmpty()) {
                    out.add(new Paragraph(part));
                    part = new ArrayList<>();
                    length = 0;
                }
                part.add(span);
                length += span.text().length();
            }
            if (!part.isEmpty()) {
                out.add(new Paragraph(part));
            }
        }
        return out;
    }
}
