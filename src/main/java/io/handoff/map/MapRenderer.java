package io.handoff.map;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.jfree.svg.SVGGraphics2D;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Pictures of a map: PNG through a {@link BufferedImage}, SVG through JFreeSVG, both drawn by {@link MapPainter}.
 * PNGs are drawn within the JVM-wide {@link PixelBudget}; a request that would wait longer than {@code drawWait} for
 * its turn is refused with {@link MapBusyException} (counted as {@code handoff.maps.busy}). The PNG of a
 * {@link DependencyMap} is kept in a {@link PictureCache} bounded in bytes, so the same map asked for again is not
 * laid out and drawn again ({@code handoff.maps.pictures}, tagged {@code result=drawn} or {@code cached}).
 */
public final class MapRenderer {
    /** Counts PNGs not drawn because every drawing slot stayed taken for longer than the wait limit. */
    public static final String BUSY = "handoff.maps.busy";
    /** Counts PNGs of maps asked for, tagged {@code result}: {@code drawn} or {@code cached}. */
    public static final String PICTURES = "handoff.maps.pictures";

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
    private final Duration drawWait;
    private final PictureCache cache;
    private final Counter busy;
    private final Counter drawn;
    private final Counter cached;

    /**
     * Pictures drawn within the JVM-wide pixel budget ({@link PixelBudget#HEAP}), waiting as long as it takes and
     * keeping none: for tools and tests. The application's renderer is built from {@link MapProperties}.
     */
    public MapRenderer() {
        this(PixelBudget.HEAP, null, 0, new SimpleMeterRegistry());
    }

    /**
     * Pictures drawn within the JVM-wide pixel budget, refused after {@code drawWait} without a drawing slot, the
     * last {@code cacheBytes} of PNGs kept; counters in {@code meters}.
     */
    public MapRenderer(Duration drawWait, long cacheBytes, MeterRegistry meters) {
        this(PixelBudget.HEAP, drawWait, cacheBytes, meters);
    }

    /** {@code drawWait} null: wait as long as it takes. */
    MapRenderer(PixelBudget budget, Duration drawWait, long cacheBytes, MeterRegistry meters) {
        this.budget = budget;
        this.drawWait = drawWait;
        this.cache = new PictureCache(cacheBytes);
        this.busy = meters.counter(BUSY);
        this.drawn = meters.counter(PICTURES, "result", "drawn");
        this.cached = meters.counter(PICTURES, "result", "cached");
    }

    MapRenderer(PixelBudget budget) {
        this(budget, null, 0, new SimpleMeterRegistry());
    }

    public MapDrawing layout(DependencyMap map) {
        return layout.layout(map);
    }

    /**
     * The map's PNG in horizontal swim lanes ({@link #laneLayout}), or the same lanes' kept picture; throws
     * {@link MapBusyException} when no drawing slot came free within the wait limit.
     */
    public byte[] lanePng(DependencyMap lanes) {
        PictureCache.Picture picture = cache.get(lanes, true, () -> png(laneLayout(lanes)));
        (picture.drawn() ? drawn : cached).increment();
        return picture.png();
    }

    /**
     * The map in horizontal swim lanes (a blueprint): its groups are the lanes, top to bottom, each node in its
     * group's lane ({@link LaneLayout}). Draw it with {@link #png(MapDrawing)} and {@link #svg(MapDrawing)}.
     */
    public MapDrawing laneLayout(DependencyMap map) {
        return lanes.layout(map);
    }

    /**
     * The map's PNG, laid out and drawn, or the same map's kept picture ({@link PictureCache}); throws
     * {@link MapBusyException} when no drawing slot came free within the wait limit.
     */
    public byte[] png(DependencyMap map) {
        PictureCache.Picture picture = cache.get(map, () -> png(layout(map)));
        (picture.drawn() ? drawn : cached).increment();
        return picture.png();
    }

    public byte[] png(MapDrawing drawing) {
        double width = MapPainter.width(drawing);
        double height = MapPainter.height(drawing);
        double scale = Math.min(SCALE, MAX_SIDE / Math.max(width, height));
        scale = Math.min(scale, Math.sqrt(MAX_PIXELS / (width * height)));
        int pixelsWide = (int) Math.ceil(width * scale);
        int pixelsHigh = (int) Math.ceil(height * scale);
        try (PixelBudget.Lease lease = lease((long) pixelsWide * pixelsHigh)) {
            return encode(draw(drawing, scale, pixelsWide, pixelsHigh));
        }
    }

    private PixelBudget.Lease lease(long pixels) {
        if (drawWait == null) {
            return budget.take(pixels);
        }
        return budget.tryTake(pixels, drawWait).orElseThrow(() -> {
            busy.increment();
            return new MapBusyException();
        });
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
