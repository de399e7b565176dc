package dev.caisey.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every benchmark in its smallest form and checks what it writes. Speed is never asserted here: the figures of
 * a unit test on a shared machine say nothing; only their shape and sanity are checked.
 */
class BenchCommandTest {
    private static final List<String> FIELDS =
            List.of("name", "value", "unit", "baseline_name", "baseline_value", "ratio", "goal", "met");

    @TempDir
    Path dir;

    @Test
    void writesEveryFigureBesideItsBaselineAsJsonAndMarkdown() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path results = dir.resolve("results");

        int status =
                BenchCommand.run(new PrintWriter(out), new PrintWriter(err), "--smoke", "--out", results.toString());

        assertThat(status).as("exit status; stderr:\n%s", err).isZero();
        JsonNode json = new ObjectMapper()
                .readTree(results.resolve(ResultsWriter.JSON_FILE).toFile());
        assertThat(json.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        for (JsonNode r : json) {
            assertThat(r.fieldNames()).toIterable().containsExactlyElementsOf(FIELDS);
            assertThat(r.get("value").asDouble())
                    .as("value of %s", r.get("name"))
                    .isPositive();
            assertThat(r.get("baseline_value").asDouble())
                    .as("baseline of %s", r.get("name"))
                    .isPositive();
            assertThat(r.get("ratio").asDouble()).isPositive();
            assertThat(r.get("unit").asText()).isIn("MB", "events/s");
            assertThat(r.get("met").isBoolean() || r.get("met").isNull()).isTrue();
            names.add(r.get("name").asText());
        }
        assertThat(names)
                .anySatisfy(n -> assertThat(n).startsWith("agent idle RSS"))
                .anySatisfy(n -> assertThat(n).startsWith("agent RSS while a command streams"))
                .anySatisfy(n -> assertThat(n).startsWith("chain verification"))
                .anySatisfy(n -> assertThat(n).startsWith("durable append"));
        String md = Files.readString(results.resolve(ResultsWriter.MARKDOWN_FILE));
        assertThat(md)
                .contains("- cores: " + Runtime.getRuntime().availableProcessors())
                .contains("- Java: ")
                .contains("- date: ")
                .contains("| benchmark | value | baseline | ratio | goal | met |");
        assertThat(md.lines().filter(l -> l.startsWith("| ")).count()).isEqualTo(names.size() + 1);
        assertThat(out.toString()).contains("| chain verification");
    }

    @Test
    void refusesAnUnknownBenchmark() {
        StringWriter err = new StringWriter();
        int status = BenchCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "--only", "nonsense");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("nonsense");
    }
}
