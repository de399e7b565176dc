package dev.caisey.record.event;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalog of event types: each type's dotted lower-case name and the record that carries its fields. This is the
 * one place where a name is tied to a class.
 */
public enum EventType {
    /** See {@link SessionOpened}. */
    SESSION_OPENED("session.opened", SessionOpened.class, Role.TECHNICIAN),
    /** See {@link ParticipantJoined}. */
    PARTICIPANT_JOINED("participant.joined", ParticipantJoined.class, Role.TECHNICIAN, Role.CLIENT, Role.AGENT),
    /** See {@link ParticipantLeft}. */
    PARTICIPANT_LEFT("participant.left", ParticipantLeft.class, Role.TECHNICIAN, Role.CLIENT, Role.AGENT),
    /** See {@link ChatMessage}. */
    CHAT_MESSAGE("chat.message", ChatMessage.class, Role.TECHNICIAN, Role.CLIENT),
    /** See {@link NoteAdded}. */
    NOTE_ADDED("note.added", NoteAdded.class, Role.TECHNICIAN),
    /** See {@link CommandRequested}. */
    COMMAND_REQUESTED("command.requested", CommandRequested.class, Role.TECHNICIAN),
    /** See {@link ApprovalRequested}. */
    APPROVAL_REQUESTED("approval.requested", ApprovalRequested.class, Role.TECHNICIAN, Role.SERVER),
    /** See {@link ApprovalGranted}. */
    APPROVAL_GRANTED("approval.granted", ApprovalGranted.class, Role.CLIENT),
    /** See {@link ApprovalDenied}. */
    APPROVAL_DENIED("approval.denied", ApprovalDenied.class, Role.CLIENT),
    /** See {@link ApprovalExpired}. */
    APPROVAL_EXPIRED("approval.expired", ApprovalExpired.class, Role.SERVER),
    /** See {@link CommandStarted}. */
    COMMAND_STARTED("command.started", CommandStarted.class, Role.AGENT),
    /** See {@link CommandOutput}. */
    COMMAND_OUTPUT("command.output", CommandOutput.class, Role.AGENT),
    /** See {@link CommandFinished}. */
    COMMAND_FINISHED("command.finished", CommandFinished.class, Role.AGENT),
    /** See {@link CommandCancelled}. */
    COMMAND_CANCELLED("command.cancelled", CommandCancelled.class, Role.AGENT, Role.SERVER),
    /** See {@link CommandTimedOut}. */
    COMMAND_TIMED_OUT("command.timed_out", CommandTimedOut.class, Role.AGENT),
    /** See {@link VerificationRecorded}. */
    VERIFICATION_RECORDED("verification.recorded", VerificationRecorded.class, Role.TECHNICIAN),
    /** See {@link SessionClosed}. */
    SESSION_CLOSED("session.closed", SessionClosed.class, Role.TECHNICIAN, Role.SERVER);

    private static final Map<String, EventType> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_CLASS =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(EventType::javaType, Function.identity()));

    private final String wireName;
    private final Class<? extends Event> javaType;
    private final Set<Role> roles;

    EventType(String wireName, Class<? extends Event> javaType, Role first, Role... more) {
        this.wireName = wireName;
        this.javaType = javaType;
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** The dotted lower-case name written as the event's {@code type}, e.g. {@code "command.finished"}. */
    public String wireName() {
        return wireName;
    }

    /** The record that carries this type's fields. */
    public Class<? extends Event> javaType() {
        return javaType;
    }

    /**
     * The roles whose actors may cause this type of event: chat comes from the technician or the client, command
     * output only from the agent, expiry only from the server.
     */
    public Set<Role> roles() {
        return roles;
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
