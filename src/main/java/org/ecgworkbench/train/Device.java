package org.ecgworkbench.train;

import java.util.Locale;

/** Where a run trains. */
public enum Device {
    CPU,
    /** CUDA (needs the {@code -Pcuda} build and a CUDA 11.6 device). */
    GPU;

    /** The name on the command line and in {@code config.json} ({@code cpu}, {@code gpu}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; @throws IllegalArgumentException naming the choices */
    public static Device parse(String text) {
        for (Device d : values()) {
            if (d.key().equalsIgnoreCase(text == null ? "" : text)) return d;
        }
        throw new IllegalArgumentException("expected cpu or gpu, got " + text);
    }
}
