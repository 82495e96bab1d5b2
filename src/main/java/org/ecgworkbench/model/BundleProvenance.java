package org.ecgworkbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Where a trained bundle comes from, written by {@code train} when it makes the bundle (bundles written
 * before have none). The training configuration itself is the metadata's {@code training_config}, as the run's
 * {@code config.json} holds it; this record adds what the configuration does not say.
 *
 * @param softwareVersion the ECG Workbench version that trained it
 * @param gitCommit       the commit the software was built from ({@link SoftwareVersion#UNKNOWN_COMMIT} if not known)
 * @param data            each data folder trained from, with the number of usable records found under it
 * @param splitSha256     SHA-256 (lower-case hex) of the run's {@code split.json}: which records went where
 * @param backend         the ND4J backend, e.g. {@code nd4j-native (OpenBLAS + oneDNN)}
 * @param device          the device it ran on, e.g. {@code CPU: AMD EPYC, 2 threads}
 * @param created         when the bundle was made, ISO-8601 UTC ({@code 2026-12-07T23:40:00Z})
 */
public record BundleProvenance(String softwareVersion, String gitCommit, List<DataRoot> data, String splitSha256,
                               String backend, String device, String created) {

    /**
     * One data folder.
     *
     * @param root    the folder as the configuration names it
     * @param records usable records found under it
     */
    public record DataRoot(String root, int records) {
        public DataRoot {
            Objects.requireNonNull(root, "root");
            if (records < 0) throw new IllegalArgumentException("records must be >= 0, not " + records);
        }
    }

    public BundleProvenance {
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(gitCommit, "gitCommit");
        data = List.copyOf(data);
        Objects.requireNonNull(splitSha256, "splitSha256");
        if (!splitSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("split_sha256 must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(created, "created");
    }

    /** The SHA-256 of a file's bytes, as lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
