package org.ecgworkbench.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.signal.PipelineJson;

/**
 * Reads and writes {@code *.ecgmodel} files: one zip holding exactly
 * <ul>
 *   <li>{@value #METADATA} — {@link BundleMetadataJson};</li>
 *   <li>{@value #NETWORK} — the DL4J network as {@link ModelSerializer} writes it, without updater
 *       state (a bundle is for inference; checkpoints that resume training are the trainer's).</li>
 * </ul>
 * A bundle may come from anyone, so reading trusts nothing: the format version is checked first;
 * entry names with absolute paths, {@code ..}, backslashes, duplicates, unexpected or missing entries
 * are refused; every entry is inflated with a byte counter and refused past its cap (the zip's declared
 * sizes are never believed — zip bombs), and so are the entries inside the DL4J network; the network
 * must then match the metadata's spec. Every refusal is a {@link ModelBundleException} naming the file
 * and the entry.
 */
public final class ModelBundleIO {
    public static final int FORMAT_VERSION = 1;
    public static final String EXTENSION = ".ecgmodel";
    public static final String METADATA = "metadata.json";
    public static final String NETWORK = "network.dl4j";
    /** Metadata holds a pipeline, configs and metrics: kilobytes; 16 MiB is far beyond any honest file. */
    static final long METADATA_CAP = 16L << 20;
    /** Weights of the largest spec (width 8 ResNet34 ≈ 1.06 G parameters ≈ 4.3 GB) would not fit a byte array: 2 GiB − 64. */
    static final long NETWORK_CAP = Integer.MAX_VALUE - 64L;
    /** Slack above 4 bytes per parameter for DL4J's configuration JSON and array headers. */
    static final long NETWORK_SLACK = 8L << 20;
    private static final Set<String> DL4J_ENTRIES = Set.of("configuration.json", "coefficients.bin", "noParams.marker");

    private ModelBundleIO() {
    }

    /** Writes the bundle to {@code target} (a temp file beside it, then renamed; an existing file is replaced). */
    public static void write(ModelBundle bundle, Path target) throws IOException {
        NativeBackend.prepare();
        checkNetworkMatches(bundle.network(), bundle.metadata().network(), target);
        byte[] metadata = BundleMetadataJson.write(bundle.metadata()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(target, true, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry(METADATA));
            zip.write(metadata);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK));
            ModelSerializer.writeModel(bundle.network(), new NonClosing(zip), false);
            zip.closeEntry();
            zip.finish();
        });
    }

    /** Reads and checks a bundle; see the class comment for what is refused. */
    public static ModelBundle read(Path file) throws ModelBundleException {
        if (!Files.isRegularFile(file)) throw new ModelBundleException(file, null, "no such file");
        OutputGuard.protect(file);
        Map<String, byte[]> entries = new HashMap<>();
        BundleMetadata metadata;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, ZipEntry> byName = checkEntryNames(zip, file);
            for (String required : List.of(METADATA, NETWORK)) {
                if (!byName.containsKey(required)) throw new ModelBundleException(file, required, "missing entry");
            }
            byte[] metaBytes = inflate(zip, byName.get(METADATA), METADATA_CAP, file);
            metadata = metadata(metaBytes, file);
            long cap = Math.min(NETWORK_CAP, 4 * (ResNet1d.parameterCount(metadata.network())
                    + 2 * ResNet1d.batchNormChannels(metadata.network())) + NETWORK_SLACK);
            entries.put(NETWORK, inflate(zip, byName.get(NETWORK), cap, file));
        } catch (ZipException e) {
            throw new ModelBundleException(file, null, "not a valid zip file (" + e.getMessage() + ")", e);
        } catch (ModelBundleException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelBundleException(file, null, "cannot read: " + e.getMessage(), e);
        }
        byte[] network = entries.get(NETWORK);
        checkInnerZip(network, metadata.network(), file);
        NativeBackend.prepare();
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(network), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelBundleException(file, NETWORK, "not a readable DL4J network: " + e.getMessage(), e);
        }
        checkNetworkMatches(graph, metadata.network(), file);
        OneDnnHelpers.install(graph);
        return new ModelBundle(graph, metadata);
    }

    /** Every name once, relative, without {@code ..} or backslashes, and one of the two expected. */
    private static Map<String, ZipEntry> checkEntryNames(ZipFile zip, Path file) throws ModelBundleException {
        Map<String, ZipEntry> byName = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
                throw new ModelBundleException(file, name, "absolute path in entry name");
            }
            if (name.contains("\\")) throw new ModelBundleException(file, name, "backslash in entry name");
            for (String part : name.split("/")) {
                if (part.equals("..")) throw new ModelBundleException(file, name, "'..' in entry name");
            }
            if (!seen.add(name)) throw new ModelBundleException(file, name, "duplicate entry");
            if (!name.equals(METADATA) && !name.equals(NETWORK)) {
                throw new ModelBundleException(file, name, "unexpected entry (a bundle holds only " + METADATA + " and " + NETWORK + ")");
            }
            byName.put(name, e);
        }
        return byName;
    }

    /** The entry's bytes, counted while inflating: past {@code cap} it is refused whatever the zip declares. */
    static byte[] inflate(ZipFile zip, ZipEntry entry, long cap, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return readCapped(in, cap, file, entry.getName());
        }
    }

    static byte[] readCapped(InputStream in, long cap, Path file, String entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > cap) throw new ModelBundleException(file, entry, "larger than the " + cap + "-byte limit for this entry");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private static BundleMetadata metadata(byte[] bytes, Path file) throws ModelBundleException {
        String json = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode root = BundleMetadataJson.tree(json);
            int version = BundleMetadataJson.formatVersion(root);
            if (version != FORMAT_VERSION) {
                throw new ModelBundleException(file, METADATA, "format version " + version + " is not supported (this build reads "
                        + FORMAT_VERSION + "; a newer ECG Workbench wrote it?)");
            }
            BundleMetadata m = BundleMetadataJson.read(json);
            try {
                PipelineJson.read(m.pipelineJson());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("field 'pipeline': " + e.getMessage(), e);
            }
            BundleClasses.check(m);
            return m;
        } catch (IllegalArgumentException e) {
            throw new ModelBundleException(file, METADATA, e.getMessage(), e);
        }
    }

    /** The DL4J zip inside: only its known entries, each inflated under the same cap. */
    private static void checkInnerZip(byte[] network, NetworkSpec spec, Path file) throws ModelBundleException {
        long cap = 4 * (ResNet1d.parameterCount(spec) + 2 * ResNet1d.batchNormChannels(spec)) + NETWORK_SLACK;
        Set<String> seen = new LinkedHashSet<>();
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(network))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!DL4J_ENTRIES.contains(name)) {
                    throw new ModelBundleException(file, NETWORK + "!/" + name, "unexpected entry in the DL4J network");
                }
                if (!seen.add(name)) throw new ModelBundleException(file, NETWORK + "!/" + name, "duplicate entry");
                readCapped(zin, cap, file, NETWORK + "!/" + name);
            }
        } catch (ModelBundleException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelBundleException(file, NETWORK, "not a valid DL4J network zip (" + e.getMessage() + ")", e);
        }
        if (!seen.contains("configuration.json")) {
            throw new ModelBundleException(file, NETWORK, "the DL4J network has no configuration.json");
        }
    }

    private static void checkNetworkMatches(ComputationGraph graph, NetworkSpec spec, Path file) throws ModelBundleException {
        long expected = ResNet1d.parameterCount(spec) + 2 * ResNet1d.batchNormChannels(spec);
        if (graph.numParams() != expected) {
            throw new ModelBundleException(file, NETWORK, "the network has " + graph.numParams() + " parameters, but the metadata's "
                    + spec.architecture().id() + " width " + spec.width() + " has " + expected);
        }
        List<String> inputs = graph.getConfiguration().getNetworkInputs();
        List<String> wanted = spec.demographics() ? List.of(ResNet1d.INPUT, ResNet1d.DEMOGRAPHICS) : List.of(ResNet1d.INPUT);
        if (!inputs.equals(wanted) || !graph.getConfiguration().getNetworkOutputs().equals(List.of(ResNet1d.OUTPUT))) {
            throw new ModelBundleException(file, NETWORK, "the network's inputs " + inputs + " / outputs "
                    + graph.getConfiguration().getNetworkOutputs() + " do not match the metadata (" + wanted + " / [out])");
        }
    }

    /** Lets ModelSerializer close "its" stream without closing the bundle's zip. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
