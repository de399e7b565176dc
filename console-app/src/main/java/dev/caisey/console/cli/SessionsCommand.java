package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.SessionInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caisey sessions}: every session you may see. */
@Command(name = "sessions", description = "List the sessions you may see, open and closed.")
final class SessionsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    SessionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConsoleClient client = SignedIn.open(context, common)) {
            List<SessionInfo> sessions = CliContext.await(client.sessions());
            if (common.json) {
                ArrayNode all = Json.mapper().createArrayNode();
                for (SessionInfo s : sessions) {
                    ObjectNode node = all.addObject();
                    node.put("session", s.session());
                    node.put("organisationId", s.organisationId());
                    node.put("endpoint", s.endpointName());
                    node.put("technician", s.technician());
                    node.put("ticket", s.ticket());
                    node.put("openedAt", Texts.utc(s.openedAt()));
                    node.put("closedAt", s.closedAt() == null ? null : Texts.utc(s.closedAt()));
                    node.put("outcome", s.outcome() == null ? null : s.outcome().wireName());
                    node.put("events", s.lastSeq());
                }
                context.json(all);
                return ExitCodes.OK;
            }
            if (sessions.isEmpty()) {
                context.out().println("No sessions you may see.");
            }
            for (SessionInfo s : sessions) {
                String state = s.closedAt() == null
                        ? "open"
                        : "closed " + Texts.utc(s.closedAt()) + ", "
                                + s.outcome().wireName();
                context.out()
                        .printf(
                                "%s  %s  by %s, opened %s, %s, %d events%s%n",
                                s.session(),
                                s.endpointName(),
                                s.technician(),
                                Texts.utc(s.openedAt()),
                                state,
                                s.lastSeq(),
                                s.ticket() == null ? "" : ", ticket " + s.ticket());
            }
        }
        return ExitCodes.OK;
    }
}
