package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.EndpointInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code caisey session open ENDPOINT}: opens a session; prints its id alone, so scripts can keep it. */
@Command(name = "open", description = "Open a session on an online endpoint (by name or id); prints the session id.")
final class SessionOpenCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "ENDPOINT", description = "The endpoint's name (PRN-ACCT-01) or id.")
    String endpoint;

    @Option(names = "--ticket", paramLabel = "REF", description = "The client's ticket reference.")
    String ticket;

    @Option(
            names = "--reported-at",
            paramLabel = "ISO",
            description =
                    "When the client reported the problem, e.g. 2026-11-17T15:05:00Z (SLA figures count from it).")
    String reportedAt;

    SessionOpenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Instant reported = reportedAt == null ? null : parseTime(reportedAt);
        try (ConsoleClient client = SignedIn.open(context, common)) {
            String endpointId = resolve(CliContext.await(client.endpoints().refresh()));
            String session = CliContext.await(client.openSession(endpointId, ticket, reported));
            if (common.json) {
                ObjectNode node = Json.object();
                node.put("session", session);
                node.put("endpointId", endpointId);
                context.json(node);
            } else {
                context.out().println(session);
            }
        }
        return ExitCodes.OK;
    }

    private String resolve(List<EndpointInfo> endpoints) {
        List<EndpointInfo> matching = endpoints.stream()
                .filter(e -> e.id().equals(endpoint) || e.name().equalsIgnoreCase(endpoint))
                .toList();
        if (matching.isEmpty()) {
            throw new ConsoleException(
                    Failure.REFUSED, "There is no endpoint '" + endpoint + "' that you may see; see caisey endpoints.");
        }
        if (matching.size() > 1) {
            throw new ConsoleException(
                    Failure.BAD_INPUT,
                    matching.size() + " endpoints are called '" + endpoint + "'; give the id (see caisey endpoints).");
        }
        return matching.getFirst().id();
    }

    static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConsoleException(
                    Failure.BAD_INPUT,
                    "'" + text + "' is not a time with its zone offset, like 2026-11-17T15:05:00Z or"
                            + " 2026-11-17T10:05:00-05:00.");
        }
    }
}
