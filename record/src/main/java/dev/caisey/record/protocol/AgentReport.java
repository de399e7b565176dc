package dev.caisey.record.protocol;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.EventType;
import dev.caisey.record.event.Require;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code agent.report}: an agent reports what a command did, as an event for the server to record. The agent keeps
 * the report in its spool and sends it again after a reconnect until an {@link AgentAck} names its {@code eventId}.
 *
 * <p>On the wire the event is two members: {@code eventType}, its {@link EventType#wireName() type name}, and {@code
 * data}, its fields. Only the {@link #REPORTABLE} types are accepted; any other is refused with {@link
 * ErrorCode#FORBIDDEN}, since an agent can speak only for the commands it runs.
 *
 * @param session the session the command belongs to
 * @param eventId the agent's unique id for this report, which the server uses to drop a resent duplicate
 * @param sourceAt the agent's clock when the thing happened, UTC microseconds
 * @param event what happened: one of the {@link #REPORTABLE} event types
 */
public record AgentReport(String session, String eventId, long sourceAt, Event event) implements Message {
    /** The event types an agent may report: the ones about a command's process. */
    public static final Set<EventType> REPORTABLE = Collections.unmodifiableSet(EnumSet.of(
            EventType.COMMAND_STARTED,
            EventType.COMMAND_OUTPUT,
            EventType.COMMAND_FINISHED,
            EventType.COMMAND_CANCELLED,
            EventType.COMMAND_TIMED_OUT));

    /** Validates every member; the event must be of a {@link #REPORTABLE} type. */
    public AgentReport {
        Require.id(session, "session");
        Require.id(eventId, "eventId");
        Require.nonNegative(sourceAt, "sourceAt");
        Require.present(event, "data");
        requireReportable(event.type());
    }

    /**
     * Refuses an event type an agent may not report.
     *
     * @throws RecordException with {@link ErrorCode#FORBIDDEN} naming the type and the ones allowed
     */
    public static void requireReportable(EventType type) {
        if (!REPORTABLE.contains(type)) {
            throw new RecordException(
                    ErrorCode.FORBIDDEN,
                    "an agent may not report '" + type.wireName() + "' events; it may report only "
                            + REPORTABLE.stream().map(EventType::wireName).collect(Collectors.joining(", ")));
        }
    }
}
