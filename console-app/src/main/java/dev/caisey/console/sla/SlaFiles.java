package dev.caisey.console.sla;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Saving the SLA figures as two CSV files side by side: the sessions in the file the person chose and the periods in
 * "NAME-periods.csv" next to it. Each is written to a temporary file in the same folder and moved into place, so a
 * spreadsheet never opens half a file. Blocking: call it through the console's {@code Background}.
 */
final class SlaFiles {
    private static final String CSV = ".csv";

    private SlaFiles() {}

    /** Writes both files and says in words what was saved. */
    static String write(SlaReport report, Path sessionsFile) {
        Path sessions = sessionsFile.toAbsolutePath();
        Path periods = periodsFile(sessions);
        save(sessions, SlaCsv.rows(report));
        save(periods, SlaCsv.groups(report));
        return "Saved " + count(report.rows().size(), "session") + " to " + sessions.getFileName() + " and "
                + count(report.groups().size(), "period") + " to " + periods.getFileName() + " in "
                + sessions.getParent() + ".";
    }

    /** The periods' file beside the sessions' one: "sla.csv" → "sla-periods.csv". */
    static Path periodsFile(Path sessionsFile) {
        String name = sessionsFile.getFileName().toString();
        String stem =
                name.toLowerCase(Locale.ROOT).endsWith(CSV) ? name.substring(0, name.length() - CSV.length()) : name;
        return sessionsFile.resolveSibling(stem + "-periods" + CSV);
    }

    /** "sla-harbor-accounting-llp-2026-11-01-to-2026-11-30.csv". */
    static String suggestedName(SlaReport r) {
        String org = r.organisationName()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return "sla-" + (org.isEmpty() ? "organisation" : org) + "-" + r.from() + "-to-" + r.to() + CSV;
    }

    private static void save(Path file, String text) {
        Path folder = file.getParent();
        try {
            Path temporary = Files.createTempFile(folder, ".sla-", ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ConsoleException(
                    Failure.LOCAL_FILES,
                    "The file " + file.getFileName() + " could not be written in " + folder + " ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + "). Choose a folder you may write to, with space left.",
                    e);
        }
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
