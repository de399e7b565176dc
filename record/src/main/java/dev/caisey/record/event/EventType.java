package dev.caisey.record.event;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalog of event types: each type's dotted lower-case name and the record that carries its fields. This is the
 * one place where a name is tied to a class.
 */
public enum EventType {
    /** See {@link SessionOpened}. */
    SESSION_OPENED("session.opened", SessionOpened.class),
    /** See {@link ParticipantJoined}. */
    PARTICIPANT_JOINED("participant.joined", ParticipantJoined.class),
    /** See {@link ParticipantLeft}. */
    PARTICIPANT_LEFT("participant.left", ParticipantLeft.class),
    /** See {@link ChatMessage}. */
    CHAT_MESSAGE("chat.message", ChatMessage.class),
    /** See {@link NoteAdded}. */
    NOTE_ADDED("note.added", NoteAdded.class),
    /** See {@link CommandRequested}. */
    COMMAND_REQUESTED("command.requested", CommandRequested.class),
    /** See {@link ApprovalRequested}. */
    APPROVAL_REQUESTED("approval.requested", ApprovalRequested.class),
    /** See {@link ApprovalGranted}. */
    APPROVAL_GRANTED("approval.granted", ApprovalGranted.class),
    /** See {@link ApprovalDenied}. */
    APPROVAL_DENIED("approval.denied", ApprovalDenied.class),
    /** See {@link ApprovalExpired}. */
    APPROVAL_EXPIRED("approval.expired", ApprovalExpired.class),
    /** See {@link CommandStarted}. */
    COMMAND_STARTED("command.started", CommandStarted.class),
    /** See {@link CommandOutput}. */
    COMMAND_OUTPUT("command.output", CommandOutput.class),
    /** See {@link CommandFinished}. */
    COMMAND_FINISHED("command.finished", CommandFinished.class),
    /** See {@link CommandCancelled}. */
    COMMAND_CANCELLED("command.cancelled", CommandCancelled.class),
    /** See {@link CommandTimedOut}. */
    COMMAND_TIMED_OUT("command.timed_out", CommandTimedOut.class),
    /** See {@link VerificationRecorded}. */
    VERIFICATION_RECORDED("verification.recorded", VerificationRecorded.class),
    /** See {@link SessionClosed}. */
    SESSION_CLOSED("session.closed", SessionClosed.class);

    private static final Map<String, EventType> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String wireName;
    private final Class<? extends Event> javaType;

    EventType(String wireName, Class<? extends Event> javaType) {
        this.wireName = wireName;
        this.javaType = javaType;
    }

    /** The dotted lower-case name written as the event's {@code type}, e.g. {@code "command.finished"}. */
    public String wireName() {
        return wireName;
    }

    /** The record that carries this type's fields. */
    public Class<? extends Event> javaType() {
        return javaType;
    }

    /** The type of an event. */
    public static EventType of(Event event) {
        return BY_CLASS.get(event.getClass());
    }

    /**
     * The type with a given name.
     *
     * @throws RecordException with {@link ErrorCode#UNKNOWN_TYPE} if no type has that name
     */
    public static EventType ofWireName(String name) {
        EventType type = BY_NAME.get(name);
        if (type == null) {
            throw new RecordException(
                    ErrorCode.UNKNOWN_TYPE,
                    "unknown event type '" + Require.abbreviate(String.valueOf(name)) + "'; this version knows "
                            + String.join(
                                    ", ", BY_NAME.keySet().stream().sorted().toList()));
        }
        return type;
    }
}
