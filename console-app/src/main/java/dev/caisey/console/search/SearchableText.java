package dev.caisey.console.search;

import dev.caisey.record.event.ApprovalDenied;
import dev.caisey.record.event.ApprovalExpired;
import dev.caisey.record.event.ApprovalGranted;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.ChatMessage;
import dev.caisey.record.event.CommandCancelled;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.CommandOutput;
import dev.caisey.record.event.CommandRequested;
import dev.caisey.record.event.CommandStarted;
import dev.caisey.record.event.CommandTimedOut;
import dev.caisey.record.event.Event;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.VerificationRecorded;
import java.util.Optional;

/**
 * The words a person would look for in one event: the command line that was asked for, a chunk of its output, a chat
 * line, a note, a verification statement, the resolution or the approval prompt. Events that only mark a step (joined,
 * started, finished, granted) carry nothing worth finding, so they stay out of the index and out of the hit list.
 * One exhaustive switch, so a new event type must be decided on here before the console compiles.
 */
public final class SearchableText {
    private SearchableText() {}

    /** The searchable text of {@code event}, or empty when it has none worth finding. */
    public static Optional<String> of(Event event) {
        String text = switch (event) {
            case CommandRequested c -> c.summary() == null ? c.script() : c.script() + "\n" + c.summary();
            case CommandOutput o -> o.text();
            case ChatMessage m -> m.text();
            case NoteAdded n -> n.text();
            case VerificationRecorded v -> v.statement();
            case SessionClosed c -> c.resolution();
            case ApprovalRequested a -> a.detail() == null ? a.prompt() : a.prompt() + "\n" + a.detail();
            case SessionOpened o -> null;
            case ParticipantJoined j -> null;
            case ParticipantLeft l -> null;
            case ApprovalGranted g -> null;
            case ApprovalDenied d -> null;
            case ApprovalExpired x -> null;
            case CommandStarted s -> null;
            case CommandFinished f -> null;
            case CommandCancelled c -> null;
            case CommandTimedOut t -> null;
        };
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
