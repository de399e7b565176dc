package dev.caisey.record.event;

import dev.caisey.record.Limits;

/** {@code participant.joined}: the event's actor connected to the session; {@code via} names the software ("console 0.1.0", "browser"). */
public record ParticipantJoined(String via) implements Event {
    /** Validates every member; {@code via} is optional. */
    public ParticipantJoined {
        Require.optionalText(via, "via", Limits.MAX_SHORT_TEXT_CHARS);
    }
}
