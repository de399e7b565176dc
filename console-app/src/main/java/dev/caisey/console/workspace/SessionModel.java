package dev.caisey.console.workspace;

import dev.caisey.console.session.CommandView;
import dev.caisey.console.session.SessionSnapshot;
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
import dev.caisey.record.event.Micros;
import dev.caisey.record.event.NoteAdded;
import dev.caisey.record.event.ParticipantJoined;
import dev.caisey.record.event.ParticipantLeft;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.event.Role;
import dev.caisey.record.event.SessionClosed;
import dev.caisey.record.event.SessionOpened;
import dev.caisey.record.event.VerificationRecorded;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One session as the workspace shows it, built from its events in order: command cards and their output lines, the
 * chat with an unread count, the client's presence, the activity (notes, verifications, approvals, who came and went)
 * and how it was opened and closed. One dispatch point ({@link #apply}) with an exhaustive switch, so a new event type
 * must be handled here. UI thread only.
 */
final class SessionModel {
    private final ObservableList<CommandView> commands = FXCollections.observableArrayList();
    private final Map<String, Integer> commandIndex = new HashMap<>();
    private final Map<String, OutputLines> outputs = new HashMap<>();
    private final Map<String, String> prompts = new HashMap<>();
    private final ObservableList<ChatLine> chat = FXCollections.observableArrayList();
    private final ObservableList<String> activity = FXCollections.observableArrayList();
    private final IntegerProperty unread = new SimpleIntegerProperty(0);
    private final BooleanProperty chatShown = new SimpleBooleanProperty(false);
    private final BooleanProperty clientPresent = new SimpleBooleanProperty(false);
    private final StringProperty clientName = new SimpleStringProperty("");
    private final BooleanProperty agentPresent = new SimpleBooleanProperty(false);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty ticket = new SimpleStringProperty();
    private final ObjectProperty<Timing> timing = new SimpleObjectProperty<>();
    private final ObjectProperty<SessionClosed> closed = new SimpleObjectProperty<>();
    private final ObjectProperty<Notice> notice = new SimpleObjectProperty<>();
    private final java.util.function.Function<Instant, String> clock;
    private Instant closedAt;
    private java.time.ZoneId organisationZone;

    /** A model showing times with {@code clock} ("09:30:12" in the console's zone). */
    SessionModel(java.util.function.Function<Instant, String> clock) {
        this.clock = clock;
        chatShown.addListener((o, was, is) -> {
            if (is) {
                unread.set(0);
            }
        });
    }

    /** Takes the new events of {@code snapshot}, in order. */
    void apply(SessionSnapshot snapshot, List<RecordedEvent> added) {
        for (RecordedEvent e : added) {
            take(snapshot, e);
        }
        for (CommandView card : snapshot.commands().values()) {
            Integer at = commandIndex.get(card.commandId());
            if (at == null) {
                commandIndex.put(card.commandId(), commands.size());
                commands.add(card);
            } else if (!commands.get(at).equals(card)) {
                commands.set(at, card);
            }
        }
    }

    private void take(SessionSnapshot snapshot, RecordedEvent e) {
        Instant at = Micros.toInstant(e.at());
        String who = e.actor().name();
        boolean client = e.actor().role() == Role.CLIENT;
        switch (e.event()) {
            case SessionOpened o -> {
                ticket.set(o.ticket());
                organisationZone = o.organisation().timeZone() == null
                        ? null
                        : java.time.ZoneId.of(o.organisation().timeZone());
                title.set(o.endpoint().name() + " · " + o.organisation().name()
                        + (o.ticket() == null ? "" : " · ticket " + o.ticket()));
                timing.set(new Timing(
                        o.reportedAt() == null ? null : Micros.toInstant(o.reportedAt()),
                        at,
                        o.organisation().slaTargetMinutes()));
                log(at, who + " opened the session on " + o.endpoint().name());
            }
            case ParticipantJoined j -> {
                presence(e.actor().role(), who, true);
                log(at, who + " joined" + (j.via() == null ? "" : " (" + j.via() + ")"));
            }
            case ParticipantLeft l -> {
                presence(e.actor().role(), who, false);
                log(at, who + " left" + (l.reason() == null ? "" : " (" + l.reason() + ")"));
            }
            case ChatMessage c -> {
                chat.add(new ChatLine(who, client, c.text(), at));
                if (client) {
                    if (!chatShown.get()) {
                        unread.set(unread.get() + 1);
                    }
                    notice.set(new Notice(who + " wrote", c.text(), e.seq()));
                }
            }
            case NoteAdded n -> log(at, "Note by " + who + ": " + n.text());
            case VerificationRecorded v -> {
                CommandView card = v.commandId() == null ? null : snapshot.command(v.commandId());
                log(
                        at,
                        "Verification " + v.verdict().wireName().toUpperCase(java.util.Locale.ROOT) + ": "
                                + v.statement()
                                + (card == null
                                        ? " (checked by hand)"
                                        : " (command: " + firstLine(card.script()) + ")"));
            }
            case ApprovalRequested a -> {
                prompts.put(a.approvalId(), a.prompt());
                log(at, "Asked the client: “" + a.prompt() + "”");
            }
            case ApprovalGranted g -> answered(e, who, "approved", prompts.get(g.approvalId()), null);
            case ApprovalDenied d -> answered(e, who, "declined", prompts.get(d.approvalId()), d.reason());
            case ApprovalExpired x -> log(at, "Nobody answered the approval in time; nothing was run.");
            case CommandOutput o ->
                outputs.computeIfAbsent(o.commandId(), id -> new OutputLines()).append(o.channel(), o.text());
            case SessionClosed c -> {
                closedAt = at;
                closed.set(c);
                log(at, who + " closed the session: " + c.outcome().wireName() + " — " + c.resolution());
            }
            case CommandRequested r -> {}
            case CommandStarted s -> {}
            case CommandFinished f -> {
                if (f.truncated()) {
                    output(f.commandId()).truncated();
                }
            }
            case CommandCancelled c -> {}
            case CommandTimedOut t -> {}
        }
    }

    private void answered(RecordedEvent e, String who, String verb, String prompt, String reason) {
        String text = who + " " + verb + (prompt == null ? "" : " “" + prompt + "”")
                + (reason == null ? "" : " (" + reason + ")");
        log(Micros.toInstant(e.at()), text);
        if (e.actor().role() == Role.CLIENT) {
            notice.set(new Notice("The client " + verb, text, e.seq()));
        }
    }

    private void presence(Role role, String who, boolean present) {
        if (role == Role.CLIENT) {
            clientPresent.set(present);
            clientName.set(who);
        } else if (role == Role.AGENT) {
            agentPresent.set(present);
        }
    }

    private void log(Instant at, String text) {
        activity.add(clock.apply(at) + "  " + text);
    }

    static String firstLine(String script) {
        String line = script.strip().lines().findFirst().orElse("");
        return script.strip().contains("\n") ? line + " …" : line;
    }

    /** The output lines of a command (empty if it has none yet). */
    OutputLines output(String commandId) {
        return outputs.computeIfAbsent(commandId, id -> new OutputLines());
    }

    ObservableList<CommandView> commands() {
        return commands;
    }

    ObservableList<ChatLine> chat() {
        return chat;
    }

    ObservableList<String> activity() {
        return activity;
    }

    IntegerProperty unread() {
        return unread;
    }

    BooleanProperty chatShown() {
        return chatShown;
    }

    BooleanProperty clientPresent() {
        return clientPresent;
    }

    StringProperty clientName() {
        return clientName;
    }

    BooleanProperty agentPresent() {
        return agentPresent;
    }

    StringProperty title() {
        return title;
    }

    ObjectProperty<Timing> timing() {
        return timing;
    }

    StringProperty ticket() {
        return ticket;
    }

    /** The organisation's time zone, or {@code null} before the first event or when it has none. */
    java.time.ZoneId organisationZone() {
        return organisationZone;
    }

    /** When the session closed, or {@code null} while open. */
    Instant closedAt() {
        return closedAt;
    }

    ObjectProperty<SessionClosed> closed() {
        return closed;
    }

    ObjectProperty<Notice> notice() {
        return notice;
    }
}
