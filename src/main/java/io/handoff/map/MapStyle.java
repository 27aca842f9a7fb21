package io.handoff.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Colours, strokes and fonts of the map pictures, one place for the PNG, the SVG and the legend. */
final class MapStyle {
    private static final Logger log = LoggerFactory.getLogger(MapStyle.class);
    static final int LABEL_SIZE = 13;
    static final int SMALL_SIZE = 10;
    static final int TITLE_SIZE = 17;

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(0x1F2933);
    static final Color MUTED = new Color(0x52606D);
    static final Color NODE_FILL = Color.WHITE;
    static final Color NODE_BORDER = new Color(0x3E4C59);
    static final Color CENTRE_FILL = new Color(0xFFF1C2);
    static final Color TEAM_FILL = new Color(0xE3ECF8);
    static final Color GROUP_FILL = new Color(0xF4F6FA);
    static final Color GROUP_BORDER = new Color(0xBCC6D3);
    static final Color DISPUTED = new Color(0xD0342C);
    static final Color MOMENT_FILL = new Color(0xEAF5EE);
    static final Color GAME_OVER_FILL = new Color(0xFDECEA);

    /** The font family used for all text: DejaVu Sans where installed (Debian fonts-dejavu-core), else SansSerif. */
    static final String FAMILY = chooseFamily();

    private MapStyle() {
    }

    private static String chooseFamily() {
        String[] families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        Optional<String> dejaVu = Arrays.stream(families).filter("DejaVu Sans"::equals).findFirst();
        if (dejaVu.isEmpty()) {
            log.warn("Font 'DejaVu Sans' is not installed (apt-get install fonts-dejavu-core); map text uses the "
                    + "logical SansSerif font");
        }
        return dejaVu.orElse(Font.SANS_SERIF);
    }

    static Font font(int style, int size) {
        return new Font(FAMILY, style, size);
    }

    static Color edgeColour(MapEdge edge) {
        return new Color(EdgeColours.rgb(edge));
    }

    static float lineWidth(MapEdge edge) {
        float width = (float) (0.6 + edge.weight() * 0.6);
        return edge.critical() ? width * 1.8f : width;
    }

    static BasicStroke edgeStroke(MapEdge edge) {
        float width = lineWidth(edge);
        if (edge.unconfirmed()) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {7f, 5f}, 0f);
        }
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
