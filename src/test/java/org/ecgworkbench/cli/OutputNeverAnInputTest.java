package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ecgworkbench.dataset.SplitManifest;
import org.ecgworkbench.dataset.SplitManifestJson;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The rule "an output is never one of the inputs", for every command that writes and every kind of input
 * (header, signal file, model bundle, pipeline, split manifest), reached directly, through {@code ..},
 * through a symbolic link and through a hard link: each is refused with exit 2 even with --force, and
 * every input is left byte for byte as it was.
 */
class OutputNeverAnInputTest {

    @TempDir
    static Path shared;
    static byte[] bundleBytes;

    @TempDir
    Path dir;

    @BeforeAll
    static void bundle() throws Exception {
        NetworkSpec spec = NetworkSpec.of(Architecture.RESNET18, 0.125, Pipeline.DEFAULT_LENGTH, false);
        Path model = shared.resolve("tiny.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1),
                BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()))), model);
        bundleBytes = Files.readAllBytes(model);
    }

    /** The input files of one case, in a folder of their own: data/A0001.{hea,mat}, tiny.ecgmodel, pipeline.json, split.json. */
    record Inputs(Path root, Path hea, Path mat, Path model, Path pipeline, Path split) {
        List<Path> all() {
            return List.of(hea, mat, model, pipeline, split);
        }
    }

    /** How the output names an input. */
    enum Route {
        DIRECT, DOT_DOT, SYMLINK, HARD_LINK;

        /** A path of this kind, named {@code name} where a name is free to choose, that leads to {@code input}. */
        Path to(Path input, Path folder, String name) throws IOException {
            return switch (this) {
                case DIRECT -> input;
                case DOT_DOT -> {
                    Files.createDirectories(input.resolveSibling("sub"));
                    yield input.getParent().resolve("sub").resolve("..").resolve(input.getFileName());
                }
                case SYMLINK -> Files.createSymbolicLink(Files.createDirectories(folder).resolve(name), input.toAbsolutePath());
                case HARD_LINK -> Files.createLink(Files.createDirectories(folder).resolve(name), input);
            };
        }
    }

    /** A writing command aimed at one input: the input it aims at, and its arguments given the inputs and the route. */
    record Case(String name, Function<Inputs, Path> input, Writer args) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface Writer {
        List<String> args(Inputs in, Route route) throws IOException;
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Function<Inputs, Path>> kind : recordFiles().entrySet()) {
            for (String format : List.of("csv", "mat", "wfdb")) {
                cases.add(new Case("export --to " + format + " onto the " + kind.getKey(), kind.getValue(), (in, route) ->
                        List.of("export", in.hea().toString(), "--to", format, "--force",
                                "--out", route.to(kind.getValue().apply(in), in.root().resolve("out"), "x." + ext(format)).toString())));
            }
            cases.add(new Case("preprocess onto the " + kind.getKey(), kind.getValue(), (in, route) ->
                    List.of("preprocess", in.hea().toString(), "--force",
                            "--out", route.to(kind.getValue().apply(in), in.root().resolve("out"), "x.csv").toString())));
            cases.add(new Case("preprocess --stages onto the " + kind.getKey(), kind.getValue(), (in, route) -> {
                Path out = in.root().resolve("staged").resolve("x.csv");
                route.to(kind.getValue().apply(in), out.getParent(), "x.0-input.csv");
                if (route == Route.DIRECT || route == Route.DOT_DOT) return List.of("preprocess", in.hea().toString(), "--force",
                        "--out", route.to(kind.getValue().apply(in), out.getParent(), "x.csv").toString());
                return List.of("preprocess", in.hea().toString(), "--force", "--stages", "--out", out.toString());
            }));
            cases.add(new Case("predict --out-dir onto the " + kind.getKey(), kind.getValue(), (in, route) -> {
                // The output's name is fixed (<id>.csv), so the input is reached by a link of that name.
                Path outDir = in.root().resolve("predictions");
                Route link = route == Route.HARD_LINK ? Route.HARD_LINK : Route.SYMLINK;
                link.to(kind.getValue().apply(in), outDir, "A0001.csv");
                return List.of("predict", "--model", in.model().toString(), "--force", "--out-dir", outDir.toString(), in.hea().toString());
            }));
            cases.add(new Case("measure --csv onto the " + kind.getKey(), kind.getValue(), (in, route) ->
                    List.of("measure", in.hea().toString(), "--force",
                            "--csv", route.to(kind.getValue().apply(in), in.root().resolve("out"), "m.csv").toString())));
            cases.add(new Case("measure --challenge-out onto the " + kind.getKey(), kind.getValue(), (in, route) -> {
                // As predict --out-dir: the output's name is <id>.csv, so the input is reached by a link of that name.
                Path outDir = in.root().resolve("statements");
                (route == Route.HARD_LINK ? Route.HARD_LINK : Route.SYMLINK).to(kind.getValue().apply(in), outDir, "A0001.csv");
                return List.of("measure", "--force", "--challenge-out", outDir.toString(), in.hea().toString());
            }));
            cases.add(new Case("evaluate --report onto the " + kind.getKey(), kind.getValue(), (in, route) ->
                    List.of("evaluate", "--model", in.model().toString(), "--data", in.hea().getParent().toString(), "--force",
                            "--report", reportPath(route, kind.getValue().apply(in), in, "report.csv"))));
            cases.add(new Case("evaluate --predictions onto the " + kind.getKey(), kind.getValue(), (in, route) ->
                    List.of("evaluate", "--model", in.model().toString(), "--data", in.hea().getParent().toString(), "--force",
                            "--predictions", reportPath(route, kind.getValue().apply(in), in, "predictions.csv"))));
        }
        cases.add(new Case("preprocess onto its --pipeline", Inputs::pipeline, (in, route) ->
                List.of("preprocess", in.hea().toString(), "--pipeline", in.pipeline().toString(), "--force",
                        "--out", route.to(in.pipeline(), in.root().resolve("out"), "p.csv").toString())));
        cases.add(new Case("predict --out-dir onto its model bundle",
                Inputs::model, (in, route) -> {
                    Path outDir = in.root().resolve("predictions");
                    (route == Route.HARD_LINK ? Route.HARD_LINK : Route.SYMLINK).to(in.model(), outDir, "A0001.csv");
                    return List.of("predict", "--model", in.model().toString(), "--force", "--out-dir", outDir.toString(), in.hea().toString());
                }));
        cases.add(new Case("evaluate --report onto its model bundle", Inputs::model, (in, route) ->
                List.of("evaluate", "--model", in.model().toString(), "--data", in.hea().getParent().toString(), "--force",
                        "--report", reportPath(route, in.model(), in, "report.json"))));
        cases.add(new Case("evaluate --report onto its split manifest", Inputs::split, (in, route) ->
                List.of("evaluate", "--model", in.model().toString(), "--data", in.hea().getParent().toString(), "--force",
                        "--split-manifest", in.split().toString(), "--report", reportPath(route, in.split(), in, "report.json"))));
        cases.add(new Case("train --out onto the header", Inputs::hea, (in, route) ->
                List.of("train", "--data", in.hea().getParent().toString(), "--out", route.to(in.hea(), in.root().resolve("out"), "run").toString())));
        cases.add(new Case("train --out onto the data folder", Inputs::hea, (in, route) ->
                List.of("train", "--data", in.hea().getParent().toString(), "--out", in.hea().getParent().toString())));
        List<Arguments> all = new ArrayList<>();
        for (Case c : cases) for (Route r : Route.values()) all.add(Arguments.of(c, r));
        return all.stream();
    }

    private static Map<String, Function<Inputs, Path>> recordFiles() {
        Map<String, Function<Inputs, Path>> kinds = new LinkedHashMap<>();
        kinds.put("header", Inputs::hea);
        kinds.put("signal file", Inputs::mat);
        return kinds;
    }

    private static String ext(String format) {
        return format.equals("wfdb") ? "hea" : format;
    }

    /** Report names need their extension; a direct route keeps the input's own name (refused before the extension is read). */
    private static String reportPath(Route route, Path input, Inputs in, String name) throws IOException {
        return route.to(input, in.root().resolve("reports"), name).toString();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void aWriterNeverReplacesAnInputEvenWithForce(Case c, Route route) throws Exception {
        Inputs in = inputs();
        Map<Path, byte[]> before = new LinkedHashMap<>();
        for (Path p : in.all()) before.put(p, Files.readAllBytes(p));
        List<String> args = c.args().args(in, route);

        CliRunner run = CliRunner.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(args + "\n" + run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).as(args.toString()).containsPattern("error: .*(input|--out)");
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertThat(Files.isRegularFile(e.getKey(), LinkOption.NOFOLLOW_LINKS)).as(e.getKey().toString()).isTrue();
            assertThat(Files.readAllBytes(e.getKey())).as(args + ": " + e.getKey() + " changed").isEqualTo(e.getValue());
        }
    }

    private Inputs inputs() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path hea = TestRecords.challengeRecord(data, "A0001", 1000, "164889003");
        Path model = Files.write(dir.resolve("tiny.ecgmodel"), bundleBytes);
        Path pipeline = Files.writeString(dir.resolve("pipeline.json"), PipelineJson.write(Pipeline.defaultRecipe()));
        Path split = dir.resolve("split.json");
        SplitManifestJson.write(new SplitManifest(SplitManifest.HOLDOUT, 1, 0, 0,
                Map.of("train", List.of(), "validation", List.of(), "test", List.of("A0001"))), split);
        return new Inputs(dir, hea, data.resolve("A0001.mat"), model, pipeline, split);
    }
}
