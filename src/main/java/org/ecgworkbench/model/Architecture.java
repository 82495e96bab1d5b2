package org.ecgworkbench.model;

import java.util.List;
import java.util.Locale;

/** The two residual networks of the dissertation: residual blocks per stage. */
public enum Architecture {
    RESNET18(List.of(2, 2, 2, 2)),
    RESNET34(List.of(3, 4, 6, 3));

    private final List<Integer> blocks;

    Architecture(List<Integer> blocks) {
        this.blocks = blocks;
    }

    /** Residual blocks in each of the four stages. */
    public List<Integer> blocks() {
        return blocks;
    }

    /** The lower-case name used on the command line and in metadata ({@code resnet18}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code resnet18}/{@code RESNET34}; IllegalArgumentException naming the choices otherwise. */
    public static Architecture parse(String text) {
        for (Architecture a : values()) {
            if (a.id().equalsIgnoreCase(text == null ? "" : text.trim())) return a;
        }
        throw new IllegalArgumentException("unknown architecture '" + text + "' (resnet18, resnet34)");
    }
}
