package dev.caisey.agent.cli;

import dev.caisey.agent.Agent;
import dev.caisey.agent.AgentConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code caisey-agent run}: the service. It runs until the process is told to stop (SIGTERM from systemd, or the
 * Windows service wrapper), then kills the commands still running and records them cancelled before exiting.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs the agent as a service: stays connected and runs the commands of sessions.")
final class RunCommand implements Callable<Integer> {
    private static final System.Logger LOG = System.getLogger(RunCommand.class.getName());

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The enrolled agent's data folder.")
    private Path data;

    @Override
    public Integer call() throws IOException, InterruptedException {
        AgentLogging.install(data);
        Agent agent = Agent.open(AgentConfig.of(data));
        Thread stopper = new Thread(
                () -> {
                    try {
                        agent.close();
                    } catch (IOException e) {
                        LOG.log(Level.ERROR, "stopping the agent failed", e);
                    }
                },
                "caisey-agent-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        LOG.log(Level.INFO, "caisey-agent started with data in {0}", data);
        agent.run();
        return ExitCodes.OK;
    }
}
