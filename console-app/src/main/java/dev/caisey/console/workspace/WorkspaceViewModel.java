package dev.caisey.console.workspace;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.client.ConsoleClient;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.console.session.CommandView;
import dev.caisey.console.session.SessionFeed;
import dev.caisey.console.session.SessionListener;
import dev.caisey.console.session.SessionSnapshot;
import dev.caisey.record.event.Outcome;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.Shell;
import dev.caisey.record.event.Verdict;
import dev.caisey.record.protocol.ClientInvited;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One session's workspace: the command input (shell, script, history, "ask the client first"), the selected command
 * (cancel, mark as verification), notes, chat, the client invitation and closing, over the {@link SessionModel} its
 * events build. Events arrive on the connection's thread and are handed over in batches, one hand-over at a time, so
 * megabytes of output do not flood the UI thread. Properties change only on the UI thread; nothing here waits.
 */
public final class WorkspaceViewModel implements SessionListener {
    private final String session;
    private final SessionActions actions;
    private final Background background;
    private final SessionModel model;
    private final CommandHistory history = new CommandHistory();
    private final EventInbox inbox = new EventInbox();

    private final StringProperty script = new SimpleStringProperty("");
    private final ObjectProperty<Shell> shell = new SimpleObjectProperty<>(Shell.SH);
    private final BooleanProperty askApproval = new SimpleBooleanProperty(false);
    private final StringProperty approvalPrompt = new SimpleStringProperty("");
    private final ObjectProperty<CommandView> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>(Verdict.PASSED);
    private final StringProperty statement = new SimpleStringProperty("");
    private final BooleanProperty verifySelected = new SimpleBooleanProperty(true);
    private final StringProperty note = new SimpleStringProperty("");
    private final StringProperty chatText = new SimpleStringProperty("");
    private final StringProperty resolution = new SimpleStringProperty("");
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.RESOLVED);
    private final ObjectProperty<ClientInvited> invitation = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty timingText = new SimpleStringProperty("");
    private final ObjectProperty<Timing.Sla> sla = new SimpleObjectProperty<>(Timing.Sla.NONE);

    /** The workspace of {@code session}; times are shown by {@code clock}. */
    public WorkspaceViewModel(
            String session,
            SessionActions actions,
            Background background,
            java.util.function.Function<Instant, String> clock) {
        this.session = session;
        this.actions = actions;
        this.background = background;
        this.model = new SessionModel(clock);
        model.commands().addListener((javafx.collections.ListChangeListener<CommandView>) change -> {
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    selected.set(change.getAddedSubList().getLast());
                } else if (change.wasReplaced() && selected.get() != null) {
                    String id = selected.get().commandId();
                    change.getAddedSubList().stream()
                            .filter(c -> c.commandId().equals(id))
                            .findFirst()
                            .ifPresent(selected::set);
                }
            }
        });
    }

    /** Starts following the session through {@code client}; returns the feed's closer. */
    public SessionFeed follow(ConsoleClient client) {
        return client.follow(session, this);
    }

    @Override
    public void updated(SessionSnapshot snapshot, List<RecordedEvent> added) {
        if (inbox.offer(snapshot, added)) {
            background.ui(() -> {
                EventInbox.Batch batch = inbox.take();
                model.apply(batch.snapshot(), batch.events());
            });
        }
    }

    @Override
    public void problem(ConsoleException problem) {
        background.ui(() -> message.set(Problems.words(problem)));
    }

    /** Updates the elapsed times for {@code now} (the view calls it every second); frozen once closed. */
    public void tick(Instant now) {
        Timing t = model.timing().get();
        if (t != null) {
            // A closed session's clock stops where it closed.
            Instant closedAt = model.closedAt();
            Instant at = closedAt == null ? now : closedAt;
            timingText.set((closedAt == null ? "" : "At closing: ") + t.describe(at));
            sla.set(t.sla(at));
        }
    }

    /** Runs the script typed in. */
    public void run() {
        String text = script.get();
        if (text.isBlank()) {
            message.set("Type a command first.");
            return;
        }
        if (closed()) {
            return;
        }
        String prompt = approvalPrompt.get().strip();
        String summary = prompt.isEmpty() ? null : prompt;
        boolean ask = askApproval.get();
        history.add(text);
        script.set("");
        approvalPrompt.set("");
        askApproval.set(false);
        send(actions.run(session, ConsoleClient.newCommandId(), shell.get(), text, summary, ask), () -> {});
    }

    /** Shows the previous script of the history; returns whether there was one. */
    public boolean historyUp() {
        String previous = history.up(script.get());
        if (previous != null) {
            script.set(previous);
        }
        return previous != null;
    }

    /** Shows the next script of the history; returns whether there was one. */
    public boolean historyDown() {
        String next = history.down();
        if (next != null) {
            script.set(next);
        }
        return next != null;
    }

    /** Stops the selected command if it has not ended. */
    public void cancel() {
        CommandView c = selected.get();
        if (c == null || c.phase().ended()) {
            message.set("No running or waiting command is selected.");
            return;
        }
        send(actions.cancel(session, c.commandId()), () -> {});
    }

    /** Records a verification, of the selected command or done by hand. */
    public void verify() {
        String text = statement.get().strip();
        if (text.isEmpty()) {
            message.set("Say in one sentence what was checked and what was seen.");
            return;
        }
        if (closed()) {
            return;
        }
        CommandView c = verifySelected.get() ? selected.get() : null;
        send(actions.verify(session, c == null ? null : c.commandId(), verdict.get(), text), () -> statement.set(""));
    }

    /** Adds the note typed in to the record. */
    public void addNote() {
        String text = note.get().strip();
        if (text.isEmpty()) {
            message.set("Type the note first.");
            return;
        }
        if (!closed()) {
            send(actions.note(session, text), () -> note.set(""));
        }
    }

    /** Sends the chat message typed in. */
    public void sendChat() {
        String text = chatText.get().strip();
        if (text.isEmpty() || closed()) {
            return;
        }
        chatText.set("");
        send(actions.chat(session, text), () -> {});
    }

    /** Asks for a join link and code for the client. */
    public void invite() {
        if (closed()) {
            return;
        }
        background.await(actions.invite(session), invitation::set, f -> message.set(Problems.words(f)));
    }

    /** Closes the session with the resolution and outcome chosen. */
    public void close() {
        String text = resolution.get().strip();
        if (text.isEmpty()) {
            message.set("Write the resolution first: what was done and how it ended.");
            return;
        }
        if (!closed()) {
            send(actions.close(session, text, outcome.get()), () -> {});
        }
    }

    private boolean closed() {
        if (model.closed().get() != null) {
            message.set("The session is closed; nothing more can be added to it.");
            return true;
        }
        return false;
    }

    private <T> void send(CompletableFuture<T> request, Runnable done) {
        message.set("");
        background.await(request, ok -> done.run(), f -> message.set(Problems.words(f)));
    }

    /** The id of the session. */
    public String session() {
        return session;
    }

    /** How the session was closed, or {@code null} while it is open (then the workspace is read-only). */
    public ReadOnlyObjectProperty<SessionClosed> closedState() {
        return model.closed();
    }

    /** The organisation's time zone (from the first event), or {@code fallback} when not known. */
    public java.time.ZoneId organisationZone(java.time.ZoneId fallback) {
        java.time.ZoneId zone = model.organisationZone();
        return zone == null ? fallback : zone;
    }

    /** The session's ticket reference, or {@code null} (known from its first event). */
    public ReadOnlyStringProperty ticket() {
        return model.ticket();
    }

    SessionModel model() {
        return model;
    }

    public StringProperty script() {
        return script;
    }

    public ObjectProperty<Shell> shell() {
        return shell;
    }

    public BooleanProperty askApproval() {
        return askApproval;
    }

    public StringProperty approvalPrompt() {
        return approvalPrompt;
    }

    public ObjectProperty<CommandView> selected() {
        return selected;
    }

    public ObjectProperty<Verdict> verdict() {
        return verdict;
    }

    public StringProperty statement() {
        return statement;
    }

    public BooleanProperty verifySelected() {
        return verifySelected;
    }

    public StringProperty note() {
        return note;
    }

    public StringProperty chatText() {
        return chatText;
    }

    public StringProperty resolution() {
        return resolution;
    }

    public ObjectProperty<Outcome> outcome() {
        return outcome;
    }

    public ObjectProperty<ClientInvited> invitation() {
        return invitation;
    }

    public StringProperty message() {
        return message;
    }

    public StringProperty timingText() {
        return timingText;
    }

    ObjectProperty<Timing.Sla> sla() {
        return sla;
    }

    /** Told of each notice (client answered or wrote). */
    public void onNotice(Consumer<Notice> listener) {
        model.notice().addListener((o, was, is) -> {
            if (is != null) {
                listener.accept(is);
            }
        });
    }
}
