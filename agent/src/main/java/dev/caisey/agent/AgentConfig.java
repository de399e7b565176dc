package dev.caisey.agent;

import dev.caisey.agent.connection.LinkSettings;
import dev.caisey.agent.exec.ExecSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How an {@link Agent} runs: its data folder and the figures tests may shorten.
 *
 * @param dataDir the folder with the identity, the journal and the logs
 * @param link the connection's timings
 * @param linger how long command output may wait before it is sent
 * @param concurrency how many commands run at once
 * @param clock the agent's clock (sourceAt of its events)
 */
public record AgentConfig(Path dataDir, LinkSettings link, Duration linger, int concurrency, Clock clock) {
    /** The service's figures for {@code dataDir}. */
    public static AgentConfig of(Path dataDir) {
        return new AgentConfig(
                dataDir,
                LinkSettings.standard(),
                ExecSettings.OUTPUT_LINGER,
                ExecSettings.MAX_CONCURRENT_COMMANDS,
                Clock.systemUTC());
    }

    /** The same with other connection timings. */
    public AgentConfig withLink(LinkSettings other) {
        return new AgentConfig(dataDir, other, linger, concurrency, clock);
    }
}
