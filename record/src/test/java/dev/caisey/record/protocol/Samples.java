package dev.caisey.record.protocol;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.chain.Checkpoint;
import dev.caisey.record.chain.Signatures;
import dev.caisey.record.event.Actor;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.OutputChannel;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

/** One valid message of every type, from the printer-spooler story, for round trips and rejection tests. */
final class Samples {
    static final long AT = 1_764_083_732_000_000L;
    static final String SESSION = "s-2025-0042";
    static final KeyPair AGENT_KEY = ed25519();

    private Samples() {}

    /** A sample of each type; the switch fails to compile when a type is added without a sample. */
    static Message of(MessageType type) {
        return switch (type) {
            case ERROR -> new ErrorReply(ErrorCode.NOT_FOUND, "There is no session s-9; open one first.");
            case OK -> new Ok();
            case PING -> new Ping(AT);
            case PONG -> new Pong(AT);
            case AGENT_ENROLL ->
                new AgentEnroll(
                        "enr-7f3a9c",
                        Signatures.encode(AGENT_KEY.getPublic()),
                        "PRN-ACCT-01",
                        "Windows 11 Pro",
                        "0.1.0");
            case AGENT_ENROLLED -> new AgentEnrolled("agent-17", "ep-17");
            case AUTH_CHALLENGE -> AuthChallenge.of(bytes(Limits.NONCE_BYTES));
            case AGENT_HELLO ->
                new AgentHello(
                        "agent-17", base64(Limits.SIGNATURE_BYTES), "PRN-ACCT-01", "Windows 11 Pro", "0.1.0", AT);
            case COMMAND_RUN ->
                new CommandRun(SESSION, "cmd-1", Shell.POWERSHELL, "Restart-Service Spooler", null, 120, 1_000_000);
            case COMMAND_CANCEL -> new CommandCancel(SESSION, "cmd-1");
            case AGENT_REPORT ->
                new AgentReport(
                        SESSION, "agent-17:42", AT, new CommandOutput("cmd-1", OutputChannel.STDOUT, 0, "Running\n"));
            case AGENT_ACK -> new AgentAck(List.of("agent-17:41", "agent-17:42"));
            case LOGIN -> new Login("dana", "correct horse battery staple");
            case LOGIN_OK -> new LoginOk("tok-secret-1", AT + 3_600_000_000L, "dana", AccountRole.TECHNICIAN);
            case RESUME -> new Resume("tok-secret-1");
            case ENDPOINTS_LIST -> new EndpointsList();
            case SESSIONS_LIST -> new SessionsList(SESSION);
            case SHARE_CREATE -> new ShareCreate(SESSION, 7 * 24 * 3600);
            case SHARE_CREATED ->
                new ShareCreated("sh-1", "https://support.example:8443/share/Zm9vYmFyYmF6cXV4", AT + 604_800_000_000L);
            case SHARE_REVOKE -> new ShareRevoke("sh-1");
            case SESSIONS_PAGE ->
                new SessionsPage(
                        List.of(
                                new SessionInfo(
                                        SESSION,
                                        "o-harbor",
                                        "PRN-ACCT-01",
                                        "Dana Whitfield",
                                        "HD-4471",
                                        AT,
                                        AT + 133_000_000L,
                                        dev.caisey.record.event.Outcome.RESOLVED,
                                        19),
                                new SessionInfo(
                                        "s-2025-0043",
                                        "o-harbor",
                                        "PRN-ACCT-01",
                                        "Dana Whitfield",
                                        null,
                                        AT,
                                        null,
                                        null,
                                        3)),
                        true);
            case ENDPOINTS ->
                new Endpoints(List.of(endpoint("ep-17", true, null), endpoint("ep-18", false, AT - 86_400_000_000L)));
            case ENDPOINT_PRESENCE -> new EndpointPresence("ep-17", true, AT);
            case SESSION_OPEN -> new SessionOpen("ep-17", "HD-4711", AT - 3_600_000_000L);
            case SESSION_CREATED -> new SessionCreated(SESSION);
            case SESSION_SUBSCRIBE -> new SessionSubscribe(SESSION, 12);
            case EVENT -> new EventPush(event());
            case CHECKPOINT ->
                new CheckpointPush(new Checkpoint(SESSION, 7, "c".repeat(64), AT, "d".repeat(64), base64(64)));
            case COMMAND_REQUEST ->
                new CommandRequest(
                        SESSION,
                        "cmd-1",
                        Shell.POWERSHELL,
                        "Restart-Service Spooler",
                        "C:\\",
                        120,
                        "Restart the Print Spooler service",
                        true);
            case APPROVAL_REQUEST ->
                new ApprovalRequest(SESSION, "apr-1", "cmd-1", "Restart the Print Spooler service", null, 300);
            case APPROVAL_ANSWER -> new ApprovalAnswer(SESSION, "apr-1", true, null);
            case CHAT_SEND -> new ChatSend(SESSION, "It worked — test page printed. 🖨️");
            case NOTE_ADD -> new NoteAdd(SESSION, "Spooler hung on a stuck job from the accounting PC.");
            case VERIFICATION_MARK ->
                new VerificationMark(SESSION, "cmd-2", Verdict.PASSED, "Get-Service Spooler shows Running");
            case SESSION_CLOSE ->
                new SessionClose(SESSION, "Restarted the spooler; test page printed.", Outcome.RESOLVED);
            case CLIENT_INVITE -> new ClientInvite(SESSION);
            case CLIENT_INVITED ->
                new ClientInvited(SESSION, "K7P-4QX", "https://caisey.example/join/K7P-4QX", AT + 900_000_000L);
            case CLIENT_JOIN -> new ClientJoin("K7P-4QX", "Maria Lopez");
            case CLIENT_JOINED ->
                new ClientJoined(SESSION, "Dana Whitfield", "Northwind IT Services", "PRN-ACCT-01", "Maria Lopez");
            case APPROVAL_PROMPT ->
                new ApprovalPrompt(
                        SESSION,
                        "apr-cmd-1",
                        "Your technician wants to restart the Print Spooler service.",
                        "PowerShell: Restart-Service Spooler",
                        AT + 300_000_000L);
            case REPORT_SEND -> new ReportSend(SESSION);
            case REPORT_STATUS ->
                new ReportSendStatus(
                        "ml-7",
                        SESSION,
                        SendState.RETRYING,
                        1,
                        "The mail server at smtp.msp.example:587 could not be reached; trying again at 15:20:00 UTC.",
                        AT + 30_000_000L);
            case ACCESS_LIST -> new AccessList(SESSION);
            case ACCESS_ENTRIES ->
                new AccessEntries(
                        SESSION,
                        List.of(
                                new AccessEntry(
                                        AT,
                                        "mia",
                                        AccountRole.MANAGER,
                                        AccessAction.SHARE_CREATED,
                                        SESSION,
                                        "share link sh-1"),
                                new AccessEntry(
                                        AT + 1,
                                        "holder of share link sh-1",
                                        null,
                                        AccessAction.SHARE_VIEWED,
                                        SESSION,
                                        null)),
                        false);
        };
    }

    static EndpointInfo endpoint(String id, boolean online, Long lastSeenAt) {
        return new EndpointInfo(
                id,
                "PRN-ACCT-01",
                "Windows 11 Pro",
                "org-harbor",
                "Harbor Accounting LLP",
                online,
                lastSeenAt,
                "0.1.0");
    }

    static RecordedEvent event() {
        return new RecordedEvent(
                SESSION,
                4,
                AT,
                "agent-17:43",
                new Actor(Role.AGENT, "agent-17", "PRN-ACCT-01"),
                AT - 1_000,
                new CommandFinished("cmd-1", 0, 1_200, 8, false),
                "a".repeat(64),
                "b".repeat(64));
    }

    static String base64(int length) {
        return Base64.getEncoder().encodeToString(bytes(length));
    }

    static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 7 + 1);
        }
        return bytes;
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }
}
