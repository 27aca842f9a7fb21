package io.handoff.map;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.svg.SVGGraphics2D;

/** Pictures of a map: PNG through a {@link BufferedImage}, SVG through JFreeSVG, both drawn by {@link MapPainter}. */
public final class MapRenderer {
    /** PNGs are drawn at this scale for sharp text on high-density screens, unless that makes them too large. */
    static final double SCALE = 1.5;
    /** The longest side of a PNG, in pixels; larger maps are scaled down to fit. */
    static final int MAX_SIDE = 6000;
    private static final long MAX_PIXELS = 24_000_000L;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private final MapLayout layout = new MapLayout();
    private final LaneLayout lanes = new LaneLayout();
    private final PixelBudget budget;

    /** Pictures drawn within the JVM-wide pixel budget ({@link PixelBudget#HEAP}). */
    public MapRenderer() {
        this(PixelBudget.HEAP);
    }

    MapRenderer(PixelBudget budget) {
        this.budget = budget;
    }

    public MapDrawing layout(DependencyMap map) {
        return layout.layout(map);
    }

    /**
     * The map in horizontal swim lanes (a blueprint): its groups are the lanes, top to bottom, each node in its
     * group's lane ({@link LaneLayout}). Draw it with {@link #png(MapDrawing)} and {@link #svg(MapDrawing)}.
     */
    public MapDrawing laneLayout(DependencyMap map) {
        return lanes.layout(map);
    }

    public byte[] png(DependencyMap map) {
        return png(layout(map));
    }

    public byte[] png(MapDrawing drawing) {
        double width = MapPainter.width(drawing);
        double height = MapPainter.height(drawing);
        double scale = Math.min(SCALE, MAX_SIDE / Math.max(width, height));
        scale = Math.min(scale, Math.sqrt(MAX_PIXELS / (width * height)));
        int pixelsWide = (int) Math.ceil(width * scale);
        int pixelsHigh = (int) Math.ceil(height * scale);
        try (PixelBudget.Lease lease = budget.take((long) pixelsWide * pixelsHigh)) {
            return encode(draw(drawing, scale, pixelsWide, pixelsHigh));
        }
    }

    private static BufferedImage draw(MapDrawing drawing, double scale, int pixelsWide, int pixelsHigh) {
        BufferedImage image = new BufferedImage(pixelsWide, pixelsHigh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            MapPainter.paint(g, drawing);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            // A light deflate level: several times faster than the default, files about a third larger.
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the map as PNG", e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    public String svg(DependencyMap map) {
        return svg(layout(map));
    }

    public String svg(MapDrawing drawing) {
        SVGGraphics2D g = new SVGGraphics2D(MapPainter.width(drawing), MapPainter.height(drawing));
        g.setDefsKeyPrefix("handoff"); // the same picture gives the same SVG (golden files)
        MapPainter.paint(g, drawing);
        return g.getSVGDocument();
    }

    public byte[] svgBytes(MapDrawing drawing) {
        return svg(drawing).getBytes(StandardCharsets.UTF_8);
    }
}
