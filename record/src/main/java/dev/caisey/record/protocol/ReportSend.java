package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * {@code report.send}: a console asks the server to render a closed session's report and e-mail it to the addresses of
 * the session's organisation. The answer is a {@link ReportSendStatus} in state {@link SendState#QUEUED}; later states
 * follow as further {@code report.status} messages on the same connection while it lasts.
 *
 * @param session the closed session whose report to send
 */
public record ReportSend(String session) implements Message {
    /** Validates every member. */
    public ReportSend {
        Require.id(session, "session");
    }
}
