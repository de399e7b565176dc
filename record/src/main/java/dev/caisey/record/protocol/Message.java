package dev.caisey.record.protocol;

/**
 * One wire message, one record per message type: the {@code body} of a {@link Frame}.
 *
 * <p>The contract every subtype keeps:
 *
 * <ul>
 *   <li>it is an immutable Java record whose compact constructor validates every member and says which one was wrong,
 *       with the limits of {@link dev.caisey.record.Limits} and {@link Protocol};
 *   <li>its members are strings, booleans, integers (never floating point), lower-case enums, records of the same
 *       kind and lists of those; optional members are {@code null} and are left out of JSON;
 *   <li>its JSON form is the frame's {@code body}, and its dotted lower-case {@link MessageType#wireName() type name}
 *       is the frame's {@code type};
 *   <li>times are UTC microseconds since the epoch, durations carry their unit in the member's name;
 *   <li>its {@code toString()} never shows a secret (passwords, tokens, join codes).
 * </ul>
 *
 * <p>Receivers dispatch with an exhaustive {@code switch}; a new type fails to compile wherever it must be handled.
 */
public sealed interface Message
        permits ErrorReply,
                Ok,
                Ping,
                Pong,
                AgentEnroll,
                AgentEnrolled,
                AuthChallenge,
                AgentHello,
                CommandRun,
                CommandCancel,
                AgentReport,
                AgentAck,
                Login,
                LoginOk,
                Resume,
                EndpointsList,
                SessionsList,
                ShareCreate,
                ShareCreated,
                ShareRevoke,
                SessionsPage,
                Endpoints,
                EndpointPresence,
                SessionOpen,
                SessionCreated,
                SessionSubscribe,
                EventPush,
                CheckpointPush,
                CommandRequest,
                ApprovalRequest,
                ApprovalAnswer,
                ChatSend,
                NoteAdd,
                VerificationMark,
                SessionClose,
                ClientInvite,
                ClientInvited,
                ClientJoin,
                ClientJoined,
                ReportSend,
                ReportSendStatus,
                AccessList,
                AccessEntries,
                ApprovalPrompt {

    /** This message's type. */
    default MessageType type() {
        return MessageType.of(this);
    }
}
