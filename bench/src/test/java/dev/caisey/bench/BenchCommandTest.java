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
    private static final List<String> UNITS =
            List.of("MB", "events/s", "ms", "s", "KB/min", "connections", "bytes", "% of a core", "events");
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
            String name = r.get("name").asText();
            assertThat(r.fieldNames()).toIterable().containsExactlyElementsOf(FIELDS);
            assertThat(r.get("value").asDouble()).as("value of %s", name).isNotNegative();
            if (r.get("baseline_name").asText().equals(Result.NO_GOAL)) {
                assertThat(r.get("baseline_value").isNull())
                        .as("baseline of %s", name)
                        .isTrue();
                assertThat(r.get("ratio").isNull()).as("ratio of %s", name).isTrue();
            } else {
                assertThat(r.get("value").asDouble()).as("value of %s", name).isPositive();
                double baseline = r.get("baseline_value").asDouble();
                assertThat(baseline).as("baseline of %s", name).isNotNegative();
                // An idle server's CPU over a short window can round to nothing: then there is no ratio.
                assertThat(
                                baseline > 0
                                        ? r.get("ratio").asDouble() > 0
                                        : r.get("ratio").isNull())
                        .as("ratio of %s", name)
                        .isTrue();
            }
            assertThat(r.get("unit").asText()).isIn(UNITS);
            assertThat(r.get("met").isBoolean() || r.get("met").isNull()).isTrue();
            names.add(name);
        }
        assertThat(names)
                .anySatisfy(n -> assertThat(n).startsWith("agent idle RSS"))
                .anySatisfy(n -> assertThat(n).startsWith("agent RSS while a command streams"))
                .anySatisfy(n -> assertThat(n).startsWith("chain verification"))
                .anySatisfy(n -> assertThat(n).startsWith("search p95"))
                .anySatisfy(n -> assertThat(n).startsWith("search indexing"))
                .anySatisfy(n -> assertThat(n).startsWith("durable append"))
                .anySatisfy(n -> assertThat(n).startsWith("relay round trip").contains(": p50"))
                .anySatisfy(n -> assertThat(n).startsWith("relay round trip").contains(": p99"))
                .anySatisfy(n -> assertThat(n).startsWith("PDF export, 200 events, warm"))
                .anySatisfy(n -> assertThat(n).isEqualTo("PDF export, 300 events in a JVM with -Xmx512m"))
                .anySatisfy(n -> assertThat(n).startsWith("PDF export, 300 events: most heap live after a collection"))
                .anySatisfy(n -> assertThat(n).startsWith("idle agents held by one server"))
                .anySatisfy(n -> assertThat(n).startsWith("server heap after GC with 20 idle agents"))
                .anySatisfy(n -> assertThat(n).startsWith("server heap per idle agent connection"))
                .anySatisfy(n -> assertThat(n).startsWith("server CPU with 20 idle agents"))
                .anySatisfy(n -> assertThat(n).startsWith("record size, printer-spooler sample"))
                .anySatisfy(n -> assertThat(n).startsWith("record size, noisy session"))
                .anySatisfy(n -> assertThat(n).startsWith("crash cycles"))
                .anySatisfy(n -> assertThat(n).startsWith("timeline first paint (2,000-event session"))
                .anySatisfy(n -> assertThat(n).startsWith("timeline whole session loaded (2,000 events)"));
        // The crash test may stop on its own time limits on a loaded machine; it must never have lost an event.
        for (JsonNode r : json) {
            if (r.get("name").asText().startsWith("crash cycles")) {
                assertThat(r.get("value").asDouble()).as(r.get("name").asText()).isZero();
            }
        }
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
