package dev.caisey.server.clients;

import dev.caisey.record.Limits;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.Shell;
import dev.caisey.record.protocol.ApprovalPrompt;
import dev.caisey.report.phrasebook.Consequences;
import dev.caisey.report.phrasebook.LocalClock;
import dev.caisey.report.phrasebook.Narrative;
import dev.caisey.report.phrasebook.Phrase;
import dev.caisey.report.phrasebook.Phrasebook;
import java.util.function.Function;

/**
 * Words an approval request for the client's page with the report's phrasebook, so the person asked reads the same
 * words the PDF will show afterwards, and what it will mean for them: "Your technician wants to restart the Print
 * Spooler service. Printing will stop for a few seconds." The exact command and the server's reason for asking go into
 * the fine print.
 */
public final class ApprovalWords {
    private static final Phrasebook PHRASEBOOK = Phrasebook.standard();

    private ApprovalWords() {}

    /**
     * The page's message for a request.
     *
     * @param session the session
     * @param request the recorded request
     * @param commands the session's command requests by id (the one the request holds, if any)
     * @param zone the organisation's time zone
     */
    public static ApprovalPrompt of(
            String session, ApprovalRequested request, Function<String, CommandRequested> commands, String zone) {
        CommandRequested command = request.commandId() == null ? null : commands.apply(request.commandId());
        if (command == null) {
            return new ApprovalPrompt(
                    session,
                    request.approvalId(),
                    clip(
                            "Your technician asks for your approval: “" + request.prompt() + "”",
                            Limits.MAX_SHORT_TEXT_CHARS),
                    request.detail(),
                    request.expiresAt());
        }
        Phrase phrase = new Narrative(PHRASEBOOK, LocalClock.of(zone)).phrase(command);
        String text = "Your technician wants to " + phrase.todo() + "."
                + Consequences.of(phrase).map(c -> " " + c).orElse("");
        String shell = command.shell() == Shell.POWERSHELL ? "PowerShell" : "sh";
        String detail = (request.detail() == null ? "" : request.detail() + " ") + "The exact command (" + shell + "): "
                + command.script();
        return new ApprovalPrompt(
                session,
                request.approvalId(),
                clip(text, Limits.MAX_SHORT_TEXT_CHARS),
                clip(detail, Limits.MAX_TEXT_CHARS),
                request.expiresAt());
    }

    private static String clip(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars - 1) + "…";
    }
}
