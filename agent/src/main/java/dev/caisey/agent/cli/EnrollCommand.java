package dev.caisey.agent.cli;

import dev.caisey.agent.connection.Enrollment;
import dev.caisey.agent.identity.Fingerprint;
import dev.caisey.agent.identity.HostInfo;
import dev.caisey.agent.identity.Identity;
import dev.caisey.agent.identity.IdentityStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caisey-agent enroll}: registers this endpoint with a server and stores the agent's identity. */
@Command(
        name = "enroll",
        mixinStandardHelpOptions = true,
        description = "Registers this endpoint with the server, pinning its certificate, and stores the agent's key.")
final class EnrollCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "wss://HOST:PORT", description = "The server.")
    private URI server;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The enrollment token.")
    private String token;

    @Option(
            names = "--fingerprint",
            required = true,
            paramLabel = "SHA256",
            description = "The server certificate's SHA-256 fingerprint, as caisey-server start prints it.")
    private String fingerprint;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Where the agent keeps its data.")
    private Path data;

    @Override
    public Integer call() throws InterruptedException {
        IdentityStore store = new IdentityStore(data);
        if (store.exists()) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), data + " already holds an agent identity; use an empty folder.");
        }
        Identity.agentUri(server);
        Fingerprint pinned = Fingerprint.parse(fingerprint);
        Identity identity = Enrollment.enroll(server, token, pinned, HostInfo.current(), store, Clock.systemUTC());
        spec.commandLine()
                .getOut()
                .println("Enrolled as agent " + identity.agentId() + " (endpoint " + identity.endpointId() + ") with "
                        + server + "; identity stored in " + data + ".");
        return ExitCodes.OK;
    }
}
