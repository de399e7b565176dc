package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code command.cancel}: stop a command. A technician's console sends it to the server, which records the request
 * and passes it on to the agent; the agent kills the command's process tree and reports {@code command.cancelled}.
 *
 * @param session the session the command belongs to
 * @param commandId the command's id
 */
public record CommandCancel(String session, String commandId) implements Message {
    /** Validates every member. */
    public CommandCancel {
        Require.id(session, "session");
        Require.id(commandId, "commandId");
    }
}
