// Draws color.png (192x192) and outline.png (32x32, white on transparent): java manifests/teams/Icons.java manifests/teams
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class Icons {
    public static void main(String[] args) throws Exception {
        write(192, new Color(0x2E, 0x6F, 0x95), args[0] + "/color.png");
        write(32, null, args[0] + "/outline.png");
    }

    static void write(int size, Color background, String file) throws Exception {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, size, size);
        }
        double s = size / 32.0;
        // outline icons: white on transparent, with a little margin; colour icons: white on the accent colour
        double inset = background != null ? 6 : 1;
        double scale = (32 - 2 * inset) / 30.0 * s;
        g.translate(inset * s, inset * s);
        g.scale(scale, scale);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // two people (circles) passing work along an arrow between them
        g.fill(new Ellipse2D.Double(2, 4, 8, 8));
        g.fill(new Ellipse2D.Double(20, 18, 8, 8));
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(9, 13);
        arrow.curveTo(13, 22, 15, 22, 19, 21);
        g.draw(arrow);
        Path2D head = new Path2D.Double();
        head.moveTo(20.5, 21);
        head.lineTo(15.5, 17.5);
        head.lineTo(15.8, 24.2);
        head.closePath();
        g.fill(head);
        g.draw(new Line2D.Double(3, 26, 11, 26));
        g.draw(new Line2D.Double(19, 6, 27, 6));
        g.dispose();
        ImageIO.write(image, "png", new File(file));
    }
}
