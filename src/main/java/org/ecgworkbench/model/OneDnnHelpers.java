package org.ecgworkbench.model;

import java.lang.reflect.Field;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives every BatchNormalization layer of a graph DL4J's own oneDNN helper ({@link MKLDNNBatchNormHelper}:
 * the native {@code batchnorm}/{@code batchnorm_bp} ops instead of ~15 Java-side broadcast and reduce
 * ops per layer). DL4J M2.1 never installs it by itself: its availability check looks up
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment}, a class that moved, and so always answers no
 * (STACK.md). The helper is DL4J's, unchanged; only the check is bypassed, by setting the layer's
 * package-private {@code helper} field. Measured: BN was ~25 % of a ResNet training step.
 *
 * <p>CPU backend and float32 only (the helper itself returns to the built-in path otherwise). Must be
 * called again for a graph that was cloned or loaded, since layers are re-instantiated.
 */
public final class OneDnnHelpers {
    /** {@code -Decgworkbench.onednn.helpers=false} turns this off (for measurements). */
    public static final String PROPERTY = "ecgworkbench.onednn.helpers";
    private static final Field HELPER = helperField();

    private OneDnnHelpers() {
    }

    private static Field helperField() {
        try {
            Field f = BatchNormalization.class.getDeclaredField("helper");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Installs the helper where it is missing; returns how many layers got it. */
    public static int install(ComputationGraph graph) {
        if (HELPER == null || !Boolean.parseBoolean(System.getProperty(PROPERTY, "true"))) return 0;
        if (!"CPU".equalsIgnoreCase(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"))) return 0;
        int n = 0;
        for (Layer layer : graph.getLayers()) {
            if (layer instanceof BatchNormalization bn && layer.getParam("gamma") != null
                    && layer.getParam("gamma").dataType() == DataType.FLOAT) {
                try {
                    if (HELPER.get(bn) == null) {
                        HELPER.set(bn, new MKLDNNBatchNormHelper(DataType.FLOAT));
                        n++;
                    }
                } catch (IllegalAccessException e) {
                    return n;
                }
            }
        }
        return n;
    }

    /** Whether a layer has a helper (for tests and the bench report). */
    static boolean hasHelper(Layer layer) {
        try {
            return HELPER != null && layer instanceof BatchNormalization && HELPER.get(layer) instanceof BatchNormalizationHelper;
        } catch (IllegalAccessException e) {
            return false;
        }
    }
}
