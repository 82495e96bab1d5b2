package org.ecgworkbench.model;

/**
 * Chooses ND4J's native libraries before the backend loads. The cpu build carries two builds of
 * libnd4jcpu: the plain {@code linux-x86_64} one (pulled in by nd4j-native's own POM) and
 * {@code linux-x86_64-onednn}, the only one with oneDNN (~3.5× faster 1-D convolutions, STACK.md).
 * JavaCPP loads the plain one unless the system property {@value #EXTENSION_PROPERTY} says
 * {@code -onednn}; this sets it, once, when the user has not and the oneDNN natives are on the class
 * path. Every entry point of this package that touches ND4J calls {@link #prepare()} first; it has
 * no effect once ND4J has loaded its backend (JavaCPP reads the property once).
 */
public final class NativeBackend {
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    static final String ONEDNN_EXTENSION = "-onednn";
    static final String ONEDNN_RESOURCE = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/";

    private NativeBackend() {
    }

    /** Prefers the oneDNN natives when present and nothing else was asked for; returns the extension in force. */
    public static synchronized String prepare() {
        String current = System.getProperty(EXTENSION_PROPERTY);
        if (current == null && oneDnnAvailable()) {
            System.setProperty(EXTENSION_PROPERTY, ONEDNN_EXTENSION);
            current = ONEDNN_EXTENSION;
        }
        return current == null ? "" : current;
    }

    /** Whether the oneDNN build of the CPU natives is on the class path. */
    public static boolean oneDnnAvailable() {
        ClassLoader cl = NativeBackend.class.getClassLoader();
        return cl != null && cl.getResource(ONEDNN_RESOURCE + "libjnind4jcpu.so") != null;
    }

    /** Whether the natives in use (or about to be) are the oneDNN build. */
    public static boolean usingOneDnn() {
        return ONEDNN_EXTENSION.equals(System.getProperty(EXTENSION_PROPERTY)) && oneDnnAvailable();
    }
}
