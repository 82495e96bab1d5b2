import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Draws the application icon: one heartbeat (P, QRS, T) in dark ink on pink ECG paper with its
 * 1 mm / 5 mm grid. Run with the JDK's single-file launcher:
 * {@code java installer/DrawIcon.java installer/ecg-workbench.png [SIZE]}.
 */
public final class DrawIcon {
    private static final Color PAPER = new Color(0xFF, 0xEE, 0xF0);
    private static final Color MINOR = new Color(0xF6, 0xC4, 0xCB);
    private static final Color MAJOR = new Color(0xE8, 0x8A, 0x98);
    private static final Color INK = new Color(0x1A, 0x1A, 0x2E);

    private DrawIcon() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) throw new IllegalArgumentException("usage: DrawIcon OUT.png [SIZE]");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        ImageIO.write(draw(size), "png", new File(args[0]));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double corner = size * 0.18;
        RoundRectangle2D card = new RoundRectangle2D.Double(0, 0, size, size, corner, corner);
        g.setClip(card);
        g.setColor(PAPER);
        g.fill(card);

        // 25 small squares across; every fifth line is a big square's edge, as on ECG paper.
        double step = size / 25.0;
        for (int i = 0; i <= 25; i++) {
            boolean major = i % 5 == 0;
            g.setColor(major ? MAJOR : MINOR);
            g.setStroke(new BasicStroke((float) Math.max(1, size / (major ? 128.0 : 256.0))));
            int p = (int) Math.round(i * step);
            g.drawLine(p, 0, p, size);
            g.drawLine(0, p, size, p);
        }

        // One beat on the baseline at 60 % height: flat, P wave, Q dip, tall R, S, ST, T wave, flat.
        double base = size * 0.60;
        double[][] points = {
                {0.00, 0}, {0.14, 0}, {0.18, -0.06}, {0.22, -0.07}, {0.26, 0}, {0.33, 0},
                {0.36, 0.05}, {0.42, -0.48}, {0.48, 0.20}, {0.52, 0}, {0.60, 0},
                {0.66, -0.10}, {0.72, -0.13}, {0.78, -0.05}, {0.82, 0}, {1.00, 0}};
        Path2D.Double trace = new Path2D.Double();
        for (int i = 0; i < points.length; i++) {
            double x = points[i][0] * size;
            double y = base + points[i][1] * size;
            if (i == 0) trace.moveTo(x, y);
            else trace.lineTo(x, y);
        }
        g.setColor(INK);
        g.setStroke(new BasicStroke((float) (size / 28.0), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(trace);
        g.dispose();
        return image;
    }
}
