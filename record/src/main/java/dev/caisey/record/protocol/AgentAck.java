package dev.caisey.record.protocol;

import dev.caisey.record.Limits;
import dev.caisey.record.event.Require;
import java.util.List;

/**
 * {@code agent.ack}: the server recorded these reports durably; the agent may drop them from its spool.
 *
 * @param eventIds the {@link AgentReport#eventId()}s recorded, 1 to {@link dev.caisey.record.Limits#MAX_ACK_EVENT_IDS} of them
 */
public record AgentAck(List<String> eventIds) implements Message {
    /** Validates and copies the list. */
    public AgentAck {
        eventIds = Checks.list(eventIds, "eventIds", Limits.MAX_ACK_EVENT_IDS);
        if (eventIds.isEmpty()) {
            throw Require.invalid("eventIds must name at least one event");
        }
        for (int i = 0; i < eventIds.size(); i++) {
            Require.id(eventIds.get(i), "eventIds[" + i + "]");
        }
    }
}
