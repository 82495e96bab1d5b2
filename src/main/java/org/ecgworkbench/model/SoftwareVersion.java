package org.ecgworkbench.model;

/**
 * The version Maven wrote into the jar manifest (the same one {@code --version} prints); a build run
 * from classes, not from the jar, has none and says so.
 */
public final class SoftwareVersion {
    public static final String DEVELOPMENT = "development build";

    private SoftwareVersion() {
    }

    public static String current() {
        String v = SoftwareVersion.class.getPackage().getImplementationVersion();
        return v == null ? DEVELOPMENT : v;
    }
}
