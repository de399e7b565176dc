package dev.caisey.agent.exec;

/**
 * A command as the server names it: command ids are unique within a session only.
 *
 * @param session the session
 * @param commandId the command's id in that session
 */
public record CommandKey(String session, String commandId) {
    @Override
    public String toString() {
        return session + "/" + commandId;
    }
}
