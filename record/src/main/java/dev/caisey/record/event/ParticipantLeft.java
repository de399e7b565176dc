package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code participant.left}: the event's actor disconnected; {@code reason} says why where known ("connection lost"). */
public record ParticipantLeft(String reason) implements Event {
    /** Validates every member; {@code reason} is optional. */
    public ParticipantLeft {
        Require.optionalText(reason, "reason", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
