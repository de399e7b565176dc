package dev.caisey.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Writes a run's results as {@code latest.json} (a list of {@code {name, value, unit, baseline_name, baseline_value,
 * ratio, goal, met}}, {@code null} where a figure has no baseline or no goal) and {@code latest.md} (the same table with the date, the machine's cores and the Java version),
 * and renders the table for the terminal.
 */
public final class ResultsWriter {
    /** The JSON results file in the output folder. */
    public static final String JSON_FILE = "latest.json";

    /** The Markdown results file in the output folder. */
    public static final String MARKDOWN_FILE = "latest.md";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {}

    /** Writes both files into {@code dir}, creating it if needed. */
    public static void write(Path dir, List<Result> results, BenchSettings settings, Instant at) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(JSON_FILE), json(results) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(results, settings, at), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the results could not be written to " + dir, e);
        }
    }

    /** The JSON list. */
    static String json(List<Result> results) throws IOException {
        ArrayNode list = MAPPER.createArrayNode();
        for (Result r : results) {
            ObjectNode o = list.addObject();
            o.put("name", r.name());
            o.put("value", round(r.value()));
            o.put("unit", r.unit());
            o.put("baseline_name", r.baselineName());
            if (r.hasBaseline()) {
                o.put("baseline_value", round(r.baselineValue()));
            } else {
                o.putNull("baseline_value");
            }
            if (Double.isFinite(r.ratio())) {
                o.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
            } else {
                o.putNull("ratio");
            }
            o.put("goal", r.goal());
            if (r.met() == null) {
                o.putNull("met");
            } else {
                o.put("met", r.met());
            }
        }
        return MAPPER.writeValueAsString(list);
    }

    /** The Markdown page: a heading, the conditions of the run, the table and the notes on unmet goals. */
    static String markdown(List<Result> results, BenchSettings settings, Instant at) {
        StringBuilder md = new StringBuilder("# caisey-bench results\n\n");
        md.append("- date: ").append(at.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        md.append("- mode: ").append(settings.mode()).append('\n');
        md.append("- cores: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append('\n');
        md.append("- Java: ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(Runtime.version())
                .append('\n');
        md.append("- OS: ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append('\n');
        md.append("- agent JVM options: `")
                .append(String.join(" ", settings.agentJvmOptions()))
                .append("`\n\n");
        md.append(table(results));
        long missed =
                results.stream().filter(r -> Boolean.FALSE.equals(r.met())).count();
        md.append('\n')
                .append(
                        missed == 0
                                ? "Every goal of this run was met.\n"
                                : missed + " goal(s) of this run were NOT met (see the column met).\n");
        return md.toString();
    }

    /** The results as a Markdown table, readable as is in a terminal. */
    public static String table(List<Result> results) {
        StringBuilder t = new StringBuilder("| benchmark | value | baseline | ratio | goal | met |\n");
        t.append("|---|---:|---|---:|---|---|\n");
        for (Result r : results) {
            t.append("| ").append(r.name());
            t.append(" | ").append(format(r.value())).append(' ').append(r.unit());
            t.append(" | ").append(r.baselineName());
            if (r.hasBaseline()) {
                t.append(": ").append(format(r.baselineValue())).append(' ').append(r.unit());
            }
            t.append(" | ").append(Double.isFinite(r.ratio()) ? String.format(Locale.ROOT, "%.2f×", r.ratio()) : "—");
            t.append(" | ").append(r.goal());
            t.append(" | ").append(r.metText()).append(" |\n");
        }
        return t.toString();
    }

    private static String format(double value) {
        return value >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return value >= 1000 ? Math.round(value) : Math.round(value * 10) / 10.0;
    }
}
