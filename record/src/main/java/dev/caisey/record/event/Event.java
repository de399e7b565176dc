package dev.caisey.record.event;

/**
 * What happened, one record per event type: the type-specific part of a {@link RecordedEvent}.
 *
 * <p>The contract every subtype keeps:
 *
 * <ul>
 *   <li>it is an immutable Java record whose compact constructor validates every member and says which one was wrong;
 *   <li>its members are strings, booleans, integers (never floating point, always within &plusmn;2<sup>53</sup>),
 *       lower-case enums and nested records of the same kind; optional members are {@code null} and are omitted from
 *       JSON;
 *   <li>its JSON form is the {@code data} member of the event, and its dotted lower-case {@link EventType#wireName()
 *       type name} is the event's {@code type} member;
 *   <li>it never changes shape once released: a new field means a new type or a new format version.
 * </ul>
 *
 * <p>Consumers dispatch with an exhaustive {@code switch}; a new type fails to compile wherever it must be handled.
 */
public sealed interface Event
        permits SessionOpened,
                ParticipantJoined,
                ParticipantLeft,
                ChatMessage,
                NoteAdded,
                CommandRequested,
                ApprovalRequested,
                ApprovalGranted,
                ApprovalDenied,
                ApprovalExpired,
                CommandStarted,
                CommandOutput,
                CommandFinished,
                CommandCancelled,
                CommandTimedOut,
                VerificationRecorded,
                SessionClosed {

    /** This event's type. */
    default EventType type() {
        return EventType.of(this);
    }
}
