package dev.caisey.console.sla;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLA figures of one client organisation over a range of days: its sessions, their periods and the totals. It is
 * pure arithmetic on {@link SessionTimes} (no clock, no I/O), so the console, the {@code caisey sla} command and the
 * tests compute the same figures from the same sessions.
 *
 * <p>Days are the organisation's own: a session belongs to the local day, in the organisation's zone, on which the
 * technician connected, and {@code from} and {@code to} are both included. The zone and name are those of the
 * organisation's latest session (the settings now in force), applied to all its sessions alike; each session is still
 * judged against the target it opened with. Only periods with sessions are listed, oldest first; rows are in order of
 * connection.
 *
 * @param organisationId the organisation's id
 * @param organisationName its name, or its id when no session of it is known
 * @param zone its zone (UTC when no session of it is known)
 * @param from the first day, included
 * @param to the last day, included
 * @param grouping how the periods are cut
 * @param rows the sessions in the range, in order of connection
 * @param groups the periods that have sessions, oldest first
 * @param overall the figures of all the rows
 */
public record SlaReport(
        String organisationId,
        String organisationName,
        ZoneId zone,
        LocalDate from,
        LocalDate to,
        Grouping grouping,
        List<SlaRow> rows,
        List<SlaGroup> groups,
        SlaFigures overall) {

    /** Keeps the lists unmodifiable. */
    public SlaReport {
        rows = List.copyOf(rows);
        groups = List.copyOf(groups);
    }

    /**
     * The figures of the sessions of {@code organisationId} that connected between {@code from} and {@code to} (both
     * included) in the organisation's zone, cut into periods by {@code grouping}. Sessions of other organisations are
     * ignored. A missing argument or a range that ends before it starts is refused in words.
     */
    public static SlaReport of(
            String organisationId, LocalDate from, LocalDate to, Grouping grouping, List<SessionTimes> sessions) {
        if (organisationId == null || organisationId.isBlank()) {
            throw new ConsoleException(Failure.BAD_INPUT, "Choose the organisation to show SLA figures for.");
        }
        if (from == null || to == null) {
            throw new ConsoleException(Failure.BAD_INPUT, "Give both the first and the last day of the period.");
        }
        if (from.isAfter(to)) {
            throw new ConsoleException(
                    Failure.BAD_INPUT,
                    "The period would start on " + from + ", after it ends on " + to
                            + ". Give a first day no later than the last day.");
        }
        if (grouping == null) {
            throw new ConsoleException(Failure.BAD_INPUT, "Say how to group the sessions, by day, week or month.");
        }
        if (sessions == null) {
            throw new ConsoleException(
                    Failure.BAD_INPUT, "No list of sessions was given to work the figures out from.");
        }
        List<SessionTimes> ours = sessions.stream()
                .filter(s -> s.organisationId().equals(organisationId))
                .sorted(Comparator.comparingLong(
                                (SessionTimes s) -> s.milestones().connectedAt())
                        .thenComparing(SessionTimes::session))
                .toList();
        SessionTimes latest = ours.isEmpty() ? null : ours.getLast();
        ZoneId zone = latest == null ? ZoneOffset.UTC : latest.zone();
        String name = latest == null
                ? organisationId
                : latest.milestones().organisation().name();
        List<SlaRow> rows = ours.stream()
                .map(s -> SlaRow.of(s, zone))
                .filter(r -> !r.day().isBefore(from) && !r.day().isAfter(to))
                .toList();
        Map<LocalDate, List<SlaRow>> periods = new TreeMap<>();
        for (SlaRow r : rows) {
            periods.computeIfAbsent(grouping.start(r.day()), d -> new ArrayList<>())
                    .add(r);
        }
        List<SlaGroup> groups = periods.entrySet().stream()
                .map(e -> SlaGroup.of(grouping, e.getKey(), e.getValue()))
                .toList();
        return new SlaReport(organisationId, name, zone, from, to, grouping, rows, groups, SlaFigures.of(rows));
    }

    /** Whether no session of the organisation connected in the range. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The target now in force, in minutes, or {@code null}. */
    public Long targetMinutes() {
        return overall.targetMinutes();
    }
}
