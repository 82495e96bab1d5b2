package org.ecgworkbench.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;

/**
 * Draws a 12-lead record on ECG paper, the way a cardiograph prints it: pink grid with 1 mm and
 * 5 mm squares, 25 mm/s and 10 mm/mV, four columns of 2.5 s (I, II, III | aVR, aVL, aVF |
 * V1-V3 | V4-V6) and a 10-s lead II rhythm strip, with a 1 mV calibration pulse per row.
 * java.awt only, so it runs headless.
 */
final class SynthPaperImage {
    static final int PX_PER_MM = 5;
    private static final double MM_PER_S = 25;
    private static final double MM_PER_MV = 10;
    private static final int ROW_MM = 30;
    private static final int LEFT_MM = 12;
    private static final int TITLE_PX = 80;
    private static final double COLUMN_S = 2.5;
    private static final LeadName[][] LAYOUT = {
        {LeadName.I, LeadName.AVR, LeadName.V1, LeadName.V4},
        {LeadName.II, LeadName.AVL, LeadName.V2, LeadName.V5},
        {LeadName.III, LeadName.AVF, LeadName.V3, LeadName.V6},
    };
    private static final Color MINOR = new Color(0xF6, 0xD0, 0xD4);
    private static final Color MAJOR = new Color(0xE8, 0x8C, 0x98);
    private static final Color PAPER = new Color(0xFF, 0xF5, 0xF6);

    private SynthPaperImage() {
    }

    /** The record on paper; {@code title} lines go above the grid. Shows the first 10 s. */
    static BufferedImage render(EcgRecord record, List<String> title) {
        int widthMm = LEFT_MM + (int) Math.round(4 * COLUMN_S * MM_PER_S) + 4;
        int heightMm = 4 * ROW_MM + 4;
        int width = widthMm * PX_PER_MM + 1;
        int height = TITLE_PX + heightMm * PX_PER_MM + 1;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(PAPER);
            g.fillRect(0, TITLE_PX, width, height - TITLE_PX);
            grid(g, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            int y = 22;
            for (String line : title) {
                g.drawString(line, 8, y);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
                y += 19;
            }
            g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            for (int row = 0; row < 4; row++) {
                double baseline = TITLE_PX + (row * ROW_MM + ROW_MM * 0.62 + 2) * PX_PER_MM;
                calibration(g, baseline);
                if (row < 3) {
                    for (int col = 0; col < 4; col++) {
                        LeadName lead = LAYOUT[row][col];
                        double x0 = (LEFT_MM + col * COLUMN_S * MM_PER_S) * PX_PER_MM;
                        trace(g, record, lead, col * COLUMN_S, COLUMN_S, x0, baseline);
                        g.drawString(lead.label(), (float) x0 + 6, (float) (baseline - 11 * PX_PER_MM));
                        if (col > 0) g.drawLine((int) x0, (int) baseline - 12, (int) x0, (int) baseline + 12);
                    }
                } else {
                    double x0 = LEFT_MM * PX_PER_MM;
                    trace(g, record, LeadName.II, 0, 4 * COLUMN_S, x0, baseline);
                    g.drawString("II", (float) x0 + 6, (float) (baseline - 11 * PX_PER_MM));
                }
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("25 mm/s   10 mm/mV", width - 150, height - 8);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void grid(Graphics2D g, int width, int height) {
        for (int pass = 0; pass < 2; pass++) {
            g.setColor(pass == 0 ? MINOR : MAJOR);
            int step = pass == 0 ? PX_PER_MM : 5 * PX_PER_MM;
            for (int x = 0; x < width; x += step) g.drawLine(x, TITLE_PX, x, height);
            for (int y = TITLE_PX; y < height; y += step) g.drawLine(0, y, width, y);
        }
    }

    /** The 1 mV, 0.2 s calibration pulse at the start of a row. */
    private static void calibration(Graphics2D g, double baseline) {
        double x = 2 * PX_PER_MM;
        double w = 5 * PX_PER_MM;
        double h = MM_PER_MV * PX_PER_MM;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x, baseline);
        p.lineTo(x + 2 * PX_PER_MM, baseline);
        p.lineTo(x + 2 * PX_PER_MM, baseline - h);
        p.lineTo(x + 2 * PX_PER_MM + w, baseline - h);
        p.lineTo(x + 2 * PX_PER_MM + w, baseline);
        p.lineTo(x + 4 * PX_PER_MM + w, baseline);
        g.draw(p);
    }

    private static void trace(Graphics2D g, EcgRecord record, LeadName name, double fromS, double lengthS,
                              double x0, double baseline) {
        Lead lead = record.lead(name).orElse(null);
        if (lead == null) return;
        float[] mv = lead.millivolts();
        double fs = record.fs();
        int from = (int) Math.round(fromS * fs);
        int to = Math.min(mv.length, (int) Math.round((fromS + lengthS) * fs));
        double pxPerSample = MM_PER_S * PX_PER_MM / fs;
        double pxPerMv = MM_PER_MV * PX_PER_MM;
        double limit = ROW_MM * 0.6 * PX_PER_MM;
        Path2D.Double p = new Path2D.Double();
        for (int i = from; i < to; i++) {
            double x = x0 + (i - from) * pxPerSample;
            double dy = Math.max(-limit, Math.min(limit, mv[i] * pxPerMv));
            if (i == from) p.moveTo(x, baseline - dy);
            else p.lineTo(x, baseline - dy);
        }
        g.draw(p);
    }

    static void writePng(BufferedImage image, Path file, boolean replace) throws IOException {
        AtomicFiles.write(file, replace, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
