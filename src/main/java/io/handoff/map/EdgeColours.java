package io.handoff.map;

import java.util.Locale;

/** Edge colour by friction: green (smooth) through amber to red (worst); grey where no aggregate may be shown. */
public final class EdgeColours {
    public static final int NO_FRICTION = 0x8A939E;
    private static final int SMOOTH = 0x2E9E5B;
    private static final int STRAINED = 0xE8A317;
    private static final int PAINFUL = 0xD0342C;

    private EdgeColours() {
    }

    public static int rgb(MapEdge edge) {
        return edge.friction().map(f -> rgb(f.score())).orElse(NO_FRICTION);
    }

    public static int rgb(double score) {
        return score <= 0.5 ? mix(SMOOTH, STRAINED, score * 2) : mix(STRAINED, PAINFUL, (score - 0.5) * 2);
    }

    public static String hex(MapEdge edge) {
        return String.format(Locale.ROOT, "#%06x", rgb(edge));
    }

    private static int mix(int a, int b, double t) {
        double u = Math.max(0, Math.min(1, t));
        int r = channel(a >> 16, b >> 16, u);
        int g = channel(a >> 8, b >> 8, u);
        int bl = channel(a, b, u);
        return (r << 16) | (g << 8) | bl;
    }

    private static int channel(int a, int b, double t) {
        int x = a & 0xFF;
        int y = b & 0xFF;
        return (int) Math.round(x + (y - x) * t);
    }
}
