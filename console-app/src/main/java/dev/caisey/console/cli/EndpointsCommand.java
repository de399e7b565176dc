package dev.caisey.console.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.record.json.Json;
import dev.caisey.record.protocol.EndpointInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code caisey endpoints}: the endpoints you may work on, online ones first. */
@Command(name = "endpoints", description = "List the endpoints you may see, with whether their agent is online.")
final class EndpointsCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    Common common;

    EndpointsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (ConsoleClient client = SignedIn.open(context, common)) {
            List<EndpointInfo> endpoints = CliContext.await(client.endpoints().refresh());
            if (common.json) {
                ArrayNode all = Json.mapper().createArrayNode();
                for (EndpointInfo e : endpoints) {
                    ObjectNode node = all.addObject();
                    node.put("id", e.id());
                    node.put("name", e.name());
                    node.put("os", e.os());
                    node.put("organisationId", e.organisationId());
                    node.put("organisation", e.organisationName());
                    node.put("online", e.online());
                    node.put("lastSeenAt", e.lastSeenAt() == null ? null : Texts.utc(e.lastSeenAt()));
                    node.put("agentVersion", e.agentVersion());
                }
                context.json(all);
                return ExitCodes.OK;
            }
            if (endpoints.isEmpty()) {
                context.out().println("No endpoints you may see.");
            }
            for (EndpointInfo e : endpoints) {
                String seen = e.online() ? "online" : "offline, last seen " + Texts.utcOrNever(e.lastSeenAt());
                context.out()
                        .printf(
                                "%-20s %-8s %s; %s; %s (id %s)%n",
                                e.name(),
                                e.online() ? "online" : "offline",
                                e.organisationName(),
                                e.os(),
                                seen,
                                e.id());
            }
        }
        return ExitCodes.OK;
    }
}
