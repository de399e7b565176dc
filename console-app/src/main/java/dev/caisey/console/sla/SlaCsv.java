package dev.caisey.console.sla;

import dev.caisey.record.event.Micros;
import dev.caisey.report.phrasebook.Milestones;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLA figures as CSV files for a spreadsheet (RFC 4180: a header row, comma-separated, CRLF line ends, a cell in
 * double quotes when it holds a comma, a quote or a line break, quotes doubled). Times are given twice, in UTC
 * ("2026-11-17T15:02:10Z") and in the organisation's zone with its offset ("2026-11-17T10:02:10-05:00"), both
 * truncated to the second; durations are whole seconds, rounded down. A cell that starts with {@code = + - @} (or a
 * tab or carriage return) gets a leading single quote, so a spreadsheet shows an endpoint called "=HYPERLINK(...)" as
 * text instead of running it as a formula.
 */
public final class SlaCsv {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String LINE_END = "\r\n";

    private SlaCsv() {}

    /** One line per session, in order of connection. */
    public static String rows(SlaReport report) {
        List<String> header =
                new ArrayList<>(List.of("session", "endpoint", "technician", "organisation", "time_zone"));
        for (String moment : List.of("reported", "connected", "first_action", "verified", "closed")) {
            header.add(moment + "_utc");
            header.add(moment + "_local");
        }
        for (Measure m : Measure.values()) {
            header.add(m.csvName() + "_seconds");
        }
        header.addAll(List.of("target_minutes", "result"));
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (SlaRow r : report.rows()) {
            Milestones t = r.milestones();
            List<String> cells = new ArrayList<>(List.of(
                    r.session(),
                    r.endpoint(),
                    r.technician(),
                    report.organisationName(),
                    r.zone().getId()));
            for (Long at :
                    new Long[] {t.reportedAt(), t.connectedAt(), t.firstActionAt(), t.verifiedAt(), t.closedAt()}) {
                cells.add(utc(at));
                cells.add(local(at, r.zone()));
            }
            for (Measure m : Measure.values()) {
                cells.add(seconds(r.measure(m)));
            }
            cells.add(r.targetMinutes() == null ? "" : r.targetMinutes().toString());
            cells.add(r.resultWord());
            line(csv, cells);
        }
        return csv.toString();
    }

    /** One line per period, then a last line "total" for the whole range. */
    public static String groups(SlaReport report) {
        List<String> header = new ArrayList<>(List.of("period", "label", "first_day", "last_day", "sessions"));
        for (Measure m : Measure.values()) {
            for (String figure : List.of("count", "median_seconds", "p90_seconds", "mean_seconds")) {
                header.add(m.csvName() + "_" + figure);
            }
        }
        header.addAll(List.of(
                "within_target",
                "missed_target",
                "verified_no_target",
                "no_verified_fix",
                "still_open",
                "target_minutes"));
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (SlaGroup g : report.groups()) {
            line(csv, figures(g.key(), g.label(), g.first().toString(), g.last().toString(), g.figures()));
        }
        line(csv, figures("total", "All", report.from().toString(), report.to().toString(), report.overall()));
        return csv.toString();
    }

    private static List<String> figures(String key, String label, String first, String last, SlaFigures f) {
        List<String> cells = new ArrayList<>(List.of(key, label, first, last, Integer.toString(f.sessions())));
        for (Measure m : Measure.values()) {
            Stats s = f.stats(m);
            cells.addAll(
                    List.of(Integer.toString(s.count()), seconds(s.median()), seconds(s.p90()), seconds(s.mean())));
        }
        for (int count :
                new int[] {f.withinTarget(), f.missedTarget(), f.noTarget(), f.noVerifiedFix(), f.stillOpen()}) {
            cells.add(Integer.toString(count));
        }
        cells.add(f.targetMinutes() == null ? "" : f.targetMinutes().toString());
        return cells;
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append(LINE_END);
    }

    /** One cell: neutralised against formulas, then quoted where RFC 4180 needs it. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** "2026-11-17T15:02:10Z", or empty. */
    static String utc(Long micros) {
        return micros == null
                ? ""
                : Micros.toInstant(micros).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "2026-11-17T10:02:10-05:00" in {@code zone}, or empty. */
    static String local(Long micros, ZoneId zone) {
        return micros == null
                ? ""
                : LOCAL.format(
                        Micros.toInstant(micros).truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    private static String seconds(Duration d) {
        Long s = Stats.seconds(d);
        return s == null ? "" : s.toString();
    }
}
