package dev.caisey.console.sla;

import dev.caisey.record.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SLA figures in words for a terminal, and as JSON: what {@code caisey sla} prints. It exists so the command only
 * gathers sessions and calls {@link #table}, {@link #sessions} or {@link #json}, and so the console's screen words its
 * period and its empty state exactly like the command line ("No sessions of Acme between 1 and 30 November 2026.").
 * Durations read "h:mm:ss", truncated to the second; "-" stands for no value.
 */
public final class SlaText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.UK);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final String NONE = "-";
    private static final String GAP = "  ";

    private SlaText() {}

    /** The periods and the total as an aligned table, with a heading that names the organisation, range and target. */
    public static void table(SlaReport report, PrintWriter out) {
        out.println(heading(report));
        if (report.isEmpty()) {
            out.println(emptyState(report));
            out.flush();
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {
            "Period",
            "Sessions",
            "Met",
            "Missed",
            "No fix",
            "Open",
            "Fix median",
            "Fix p90",
            "Fix mean",
            "Connect median",
            "First action median",
            "Length median"
        });
        report.groups().forEach(g -> lines.add(figures(g.label(), g.figures())));
        lines.add(figures("All", report.overall()));
        print(lines, out);
        out.flush();
    }

    /** One line per session: when it connected (local), who, its measures and its result. */
    public static void sessions(SlaReport report, PrintWriter out) {
        if (report.isEmpty()) {
            out.println(emptyState(report));
            out.flush();
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {
            "Session",
            "Endpoint",
            "Technician",
            "Connected (local)",
            "Report→connect",
            "Report→first action",
            "Report→fix",
            "Length",
            "Result"
        });
        for (SlaRow r : report.rows()) {
            lines.add(new String[] {
                r.session(),
                r.endpoint(),
                r.technician(),
                SlaCsv.local(r.milestones().connectedAt(), r.zone()),
                duration(r.measure(Measure.REPORT_TO_CONNECTION)),
                duration(r.measure(Measure.REPORT_TO_FIRST_ACTION)),
                duration(r.measure(Measure.REPORT_TO_FIX)),
                duration(r.measure(Measure.SESSION_LENGTH)),
                r.resultWord()
            });
        }
        print(lines, out);
        out.flush();
    }

    /** The whole report as one JSON document on one line; see {@link SlaJson}. */
    public static void json(SlaReport report, PrintWriter out) {
        out.println(Json.write(SlaJson.tree(report)));
        out.flush();
    }

    /** "SLA figures of Harbor Accounting LLP between 1 and 30 November 2026, by week (America/New_York)". */
    public static String heading(SlaReport r) {
        String target = r.targetMinutes() == null
                ? "no agreed target"
                : "target " + r.targetMinutes() + " min from report (or connection) to verified fix";
        return "SLA figures of " + r.organisationName() + " " + period(r.from(), r.to()) + ", by "
                + r.grouping().word() + " (" + r.zone().getId() + "); " + target + ".";
    }

    /** "No sessions of Acme between 1 and 30 November 2026." */
    public static String emptyState(SlaReport r) {
        return "No sessions of " + r.organisationName() + " " + period(r.from(), r.to()) + ".";
    }

    /** "on 3 November 2026", "between 1 and 30 November 2026", "between 28 October and 3 November 2026". */
    public static String period(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return "on " + FULL.format(from);
        }
        DateTimeFormatter first =
                from.getYear() != to.getYear() ? FULL : from.getMonth() != to.getMonth() ? DAY_MONTH : DAY;
        return "between " + first.format(from) + " and " + FULL.format(to);
    }

    /** "0:14:20", "26:00:05", "-0:00:05"; "-" for no value. */
    public static String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        long s = d.getSeconds() + (d.isNegative() && d.getNano() > 0 ? 1 : 0);
        String sign = s < 0 ? "-" : "";
        s = Math.abs(s);
        return String.format(Locale.ROOT, "%s%d:%02d:%02d", sign, s / 3600, s / 60 % 60, s % 60);
    }

    private static String[] figures(String label, SlaFigures f) {
        Stats fix = f.stats(Measure.REPORT_TO_FIX);
        return new String[] {
            label,
            Integer.toString(f.sessions()),
            Integer.toString(f.withinTarget()),
            Integer.toString(f.missedTarget()),
            Integer.toString(f.noVerifiedFix()),
            Integer.toString(f.stillOpen()),
            duration(fix.median()),
            duration(fix.p90()),
            duration(fix.mean()),
            duration(f.stats(Measure.REPORT_TO_CONNECTION).median()),
            duration(f.stats(Measure.REPORT_TO_FIRST_ACTION).median()),
            duration(f.stats(Measure.SESSION_LENGTH).median())
        };
    }

    /**
     * Prints {@code lines} (the first is the header) in columns padded to their widest cell, two spaces apart: the
     * first left-aligned (names), the others right-aligned (figures), so numbers compare down a column.
     */
    private static void print(List<String[]> lines, PrintWriter out) {
        int columns = lines.getFirst().length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].codePointCount(0, line[c].length()));
            }
        }
        for (String[] line : lines) {
            StringBuilder s = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = line[c];
                String pad = " ".repeat(widths[c] - cell.codePointCount(0, cell.length()));
                if (c > 0) {
                    s.append(GAP);
                }
                s.append(c == 0 ? cell + pad : pad + cell);
            }
            out.println(s.toString().stripTrailing());
        }
    }
}
