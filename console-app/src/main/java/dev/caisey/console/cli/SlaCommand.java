package dev.caisey.console.cli;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.mirror.Mirror;
import dev.caisey.console.mirror.MirroredSession;
import dev.caisey.console.sla.Grouping;
import dev.caisey.console.sla.SessionTimes;
import dev.caisey.console.sla.SlaReport;
import dev.caisey.console.sla.SlaText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code caisey sla}: an organisation's service-level figures for a period, from the local copy of the records
 * (synced first when the server can be reached): per day, week or month and overall, then session by session.
 */
@Command(
        name = "sla",
        description = "Service-level figures of one organisation for a period: time from the report to connection,"
                + " to the first action, to the verified fix, and session length, against the target.")
final class SlaCommand implements Callable<Integer> {
    private static final int DEFAULT_DAYS = 30;

    private final CliContext context;

    @Mixin
    Common common;

    @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organisation's id or name.")
    String organisation;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, YYYY-MM-DD (default: 30 days ago).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, YYYY-MM-DD (default: today).")
    String to;

    @Option(
            names = "--group",
            paramLabel = "PERIOD",
            defaultValue = "week",
            description = "day, week or month (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--offline", description = "Do not sync; use the local copy as it is.")
    boolean offline;

    SlaCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        LocalDate last = day(to, "--to", LocalDate.now());
        LocalDate first = day(from, "--from", last.minusDays(DEFAULT_DAYS - 1L));
        Grouping grouping = Grouping.ofWord(group);
        try (Mirror mirror = LocalRecords.open(context, common, offline)) {
            List<MirroredSession> sessions = mirror.sessions();
            String id = organisationId(sessions);
            SlaReport report = SlaReport.of(
                    id,
                    first,
                    last,
                    grouping,
                    sessions.stream().map(SessionTimes::of).toList());
            if (common.json) {
                SlaText.json(report, context.out());
            } else {
                SlaText.table(report, context.out());
                if (!report.isEmpty()) {
                    context.out().println();
                    SlaText.sessions(report, context.out());
                }
            }
        }
        return ExitCodes.OK;
    }

    private String organisationId(List<MirroredSession> sessions) {
        String wanted = organisation.strip().toLowerCase(Locale.ROOT);
        return sessions.stream()
                .filter(s -> s.organisationId().toLowerCase(Locale.ROOT).equals(wanted)
                        || s.organisationName().toLowerCase(Locale.ROOT).equals(wanted))
                .map(MirroredSession::organisationId)
                .findFirst()
                .orElseThrow(() -> new ConsoleException(
                        Failure.BAD_INPUT,
                        "No records of an organisation '" + organisation + "' in the local copy. Known: "
                                + (sessions.isEmpty()
                                        ? "none yet"
                                        : sessions.stream()
                                                .map(s -> s.organisationName() + " (" + s.organisationId() + ")")
                                                .distinct()
                                                .sorted()
                                                .collect(Collectors.joining(", ")))
                                + "."));
    }

    private static LocalDate day(String text, String option, LocalDate otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ConsoleException(
                    Failure.BAD_INPUT, option + " must be a day like 2026-11-25; '" + text + "' is not.", e);
        }
    }
}
