package dev.caisey.record.protocol;

import static dev.caisey.record.protocol.Sender.AGENT;
import static dev.caisey.record.protocol.Sender.CLIENT;
import static dev.caisey.record.protocol.Sender.CONSOLE;
import static dev.caisey.record.protocol.Sender.SERVER;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Require;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalog of message types: each type's dotted lower-case name, the record that carries its members and who may
 * send it. This is the one place where a name is tied to a class and a type to its senders.
 */
public enum MessageType {
    /** See {@link ErrorReply}. */
    ERROR("error", ErrorReply.class, SERVER, AGENT),
    /** See {@link Ok}. */
    OK("ok", Ok.class, SERVER),
    /** See {@link Ping}. */
    PING("ping", Ping.class, AGENT, CONSOLE, CLIENT, SERVER),
    /** See {@link Pong}. */
    PONG("pong", Pong.class, AGENT, CONSOLE, CLIENT, SERVER),
    /** See {@link AgentEnroll}. */
    AGENT_ENROLL("agent.enroll", AgentEnroll.class, AGENT),
    /** See {@link AgentEnrolled}. */
    AGENT_ENROLLED("agent.enrolled", AgentEnrolled.class, SERVER),
    /** See {@link AuthChallenge}. */
    AUTH_CHALLENGE("auth.challenge", AuthChallenge.class, SERVER),
    /** See {@link AgentHello}. */
    AGENT_HELLO("agent.hello", AgentHello.class, AGENT),
    /** See {@link CommandRun}. */
    COMMAND_RUN("command.run", CommandRun.class, SERVER),
    /** See {@link CommandCancel}. */
    COMMAND_CANCEL("command.cancel", CommandCancel.class, CONSOLE, SERVER),
    /** See {@link AgentReport}. */
    AGENT_REPORT("agent.report", AgentReport.class, AGENT),
    /** See {@link AgentAck}. */
    AGENT_ACK("agent.ack", AgentAck.class, SERVER),
    /** See {@link Login}. */
    LOGIN("login", Login.class, CONSOLE),
    /** See {@link LoginOk}. */
    LOGIN_OK("login.ok", LoginOk.class, SERVER),
    /** See {@link Resume}. */
    RESUME("resume", Resume.class, CONSOLE),
    /** See {@link EndpointsList}. */
    ENDPOINTS_LIST("endpoints.list", EndpointsList.class, CONSOLE),
    /** See {@link ShareCreate}. */
    SHARE_CREATE("share.create", ShareCreate.class, CONSOLE),
    /** See {@link ShareCreated}. */
    SHARE_CREATED("share.created", ShareCreated.class, SERVER),
    /** See {@link ShareRevoke}. */
    SHARE_REVOKE("share.revoke", ShareRevoke.class, CONSOLE),
    /** See {@link SessionsList}. */
    SESSIONS_LIST("sessions.list", SessionsList.class, CONSOLE),
    /** See {@link SessionsPage}. */
    SESSIONS_PAGE("sessions", SessionsPage.class, SERVER),
    /** See {@link Endpoints}. */
    ENDPOINTS("endpoints", Endpoints.class, SERVER),
    /** See {@link EndpointPresence}. */
    ENDPOINT_PRESENCE("endpoint.presence", EndpointPresence.class, SERVER),
    /** See {@link SessionOpen}. */
    SESSION_OPEN("session.open", SessionOpen.class, CONSOLE),
    /** See {@link SessionCreated}. */
    SESSION_CREATED("session.created", SessionCreated.class, SERVER),
    /** See {@link SessionSubscribe}. */
    SESSION_SUBSCRIBE("session.subscribe", SessionSubscribe.class, CONSOLE, CLIENT),
    /** See {@link EventPush}. */
    EVENT("event", EventPush.class, SERVER),
    /** See {@link CheckpointPush}. */
    CHECKPOINT("checkpoint", CheckpointPush.class, SERVER),
    /** See {@link CommandRequest}. */
    COMMAND_REQUEST("command.request", CommandRequest.class, CONSOLE),
    /** See {@link ApprovalRequest}. */
    APPROVAL_REQUEST("approval.request", ApprovalRequest.class, CONSOLE),
    /** See {@link ApprovalAnswer}. */
    APPROVAL_ANSWER("approval.answer", ApprovalAnswer.class, CLIENT),
    /** See {@link ChatSend}. */
    CHAT_SEND("chat.send", ChatSend.class, CONSOLE, CLIENT),
    /** See {@link NoteAdd}. */
    NOTE_ADD("note.add", NoteAdd.class, CONSOLE),
    /** See {@link VerificationMark}. */
    VERIFICATION_MARK("verification.mark", VerificationMark.class, CONSOLE),
    /** See {@link SessionClose}. */
    SESSION_CLOSE("session.close", SessionClose.class, CONSOLE),
    /** See {@link ClientInvite}. */
    CLIENT_INVITE("client.invite", ClientInvite.class, CONSOLE),
    /** See {@link ClientInvited}. */
    CLIENT_INVITED("client.invited", ClientInvited.class, SERVER),
    /** See {@link ClientJoin}. */
    CLIENT_JOIN("client.join", ClientJoin.class, CLIENT),
    /** See {@link ClientJoined}. */
    CLIENT_JOINED("client.joined", ClientJoined.class, SERVER),
    /** See {@link ReportSend}. */
    REPORT_SEND("report.send", ReportSend.class, CONSOLE),
    /** See {@link ReportSendStatus}. */
    REPORT_STATUS("report.status", ReportSendStatus.class, SERVER),
    /** See {@link AccessList}. */
    ACCESS_LIST("access.list", AccessList.class, CONSOLE),
    /** See {@link AccessEntries}. */
    ACCESS_ENTRIES("access.entries", AccessEntries.class, SERVER),
    /** See {@link ApprovalPrompt}. */
    APPROVAL_PROMPT("approval.prompt", ApprovalPrompt.class, SERVER);

    private static final Map<String, MessageType> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(MessageType::wireName, Function.identity()));
    private static final Map<Class<?>, MessageType> BY_CLASS =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(MessageType::javaType, Function.identity()));

    private final String wireName;
    private final Class<? extends Message> javaType;
    private final Set<Sender> senders;

    MessageType(String wireName, Class<? extends Message> javaType, Sender sender, Sender... moreSenders) {
        this.wireName = wireName;
        this.javaType = javaType;
        this.senders = Collections.unmodifiableSet(EnumSet.of(sender, moreSenders));
    }

    /** The dotted lower-case name written as the frame's {@code type}, e.g. {@code "chat.send"}. */
    public String wireName() {
        return wireName;
    }

    /** The record that carries this type's members. */
    public Class<? extends Message> javaType() {
        return javaType;
    }

    /** Who may send a message of this type. */
    public Set<Sender> senders() {
        return senders;
    }

    /** Whether {@code sender} may send a message of this type. */
    public boolean allowedFrom(Sender sender) {
        return senders.contains(sender);
    }

    /**
     * Refuses a message of this type from a sender who may not send it.
     *
     * @throws RecordException with {@link ErrorCode#FORBIDDEN} naming the type and who may send it
     */
    public void requireAllowedFrom(Sender sender) {
        if (!allowedFrom(sender)) {
            throw new RecordException(
                    ErrorCode.FORBIDDEN,
                    describe(sender) + " may not send '" + wireName + "'; only "
                            + senders.stream().map(MessageType::describe).collect(Collectors.joining(" or "))
                            + " may");
        }
    }

    /** The type of a message. */
    public static MessageType of(Message message) {
        return BY_CLASS.get(message.getClass());
    }

    /**
     * The type with a given name.
     *
     * @throws RecordException with {@link ErrorCode#UNKNOWN_TYPE} if no type has that name
     */
    public static MessageType ofWireName(String name) {
        MessageType type = BY_NAME.get(name);
        if (type == null) {
            throw new RecordException(
                    ErrorCode.UNKNOWN_TYPE,
                    "unknown message type '" + Require.abbreviate(String.valueOf(name)) + "'; this version knows "
                            + String.join(
                                    ", ", BY_NAME.keySet().stream().sorted().toList()));
        }
        return type;
    }

    private static String describe(Sender sender) {
        return switch (sender) {
            case AGENT -> "an agent";
            case CONSOLE -> "a console";
            case CLIENT -> "a client page";
            case SERVER -> "the server";
        };
    }
}
