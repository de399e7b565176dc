package dev.caisey.server.sessions;

import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRun;

/** Sends work to the agent of an endpoint, if it is connected. Never blocks. */
public interface AgentDispatch {
    /** Queues a command for the endpoint's agent; {@code false} if the agent is not connected. */
    boolean run(String endpointId, CommandRun command);

    /** Queues a cancellation for the endpoint's agent; {@code false} if the agent is not connected. */
    boolean cancel(String endpointId, CommandCancel cancel);
}
