package dev.caisey.console.workspace;

import dev.caisey.console.connection.Registration;
import dev.caisey.console.fx.Background;
import dev.caisey.console.fx.Problems;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccessEntry;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.SendState;
import dev.caisey.record.protocol.ShareCreated;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How a closed session's record leaves the console other than as a file: e-mailed to the client (with the delivery's
 * state in words as the server retries), a read-only share link with an expiry, and the access log that shows who
 * exported, e-mailed, shared or viewed it. Properties change only on the UI thread; the server's later
 * {@code report.status} pushes are handed over through {@link Background}.
 */
public final class SharingViewModel implements AutoCloseable {
    /** How long a share link works. */
    public enum Expiry {
        ONE_DAY("1 day", Duration.ofDays(1)),
        SEVEN_DAYS("7 days", Duration.ofDays(7)),
        THIRTY_DAYS("30 days", Duration.ofDays(30));

        private final String label;
        private final Duration validFor;

        Expiry(String label, Duration validFor) {
            this.label = label;
            this.validFor = validFor;
        }

        public Duration validFor() {
            return validFor;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final String session;
    private final ReportActions actions;
    private final Background background;
    private final Function<Instant, String> clock;
    private final Function<Instant, String> dayClock;
    private final Registration statuses;
    private final StringProperty sendStatus = new SimpleStringProperty("");
    private final ObjectProperty<SendState> sendState = new SimpleObjectProperty<>();
    private final ObjectProperty<Expiry> expiry = new SimpleObjectProperty<>(Expiry.SEVEN_DAYS);
    private final ObjectProperty<ShareCreated> link = new SimpleObjectProperty<>();
    private final StringProperty shareStatus = new SimpleStringProperty("");
    private final ObservableList<String> access = FXCollections.observableArrayList();
    private final StringProperty accessStatus = new SimpleStringProperty("");
    private String sendId;
    private Consumer<Notice> notices = n -> {};

    /**
     * The panel of {@code session}; times of today's events are shown by {@code clock} ("15:20:00"), a link's expiry
     * and the access log's times with the day by {@code dayClock} ("2026-11-26 15:20").
     */
    public SharingViewModel(
            String session,
            ReportActions actions,
            Background background,
            Function<Instant, String> clock,
            Function<Instant, String> dayClock) {
        this.dayClock = dayClock;
        this.session = session;
        this.actions = actions;
        this.background = background;
        this.clock = clock;
        this.statuses = actions.onStatus(s -> background.ui(() -> status(s)));
    }

    /** Told when a send ended (sent or failed for good). */
    public void onNotice(Consumer<Notice> listener) {
        this.notices = listener;
    }

    /** Asks the server to e-mail the report to the session's organisation. */
    public void send() {
        sendStatus.set("Asking the server to e-mail the report…");
        background.await(
                actions.send(session),
                s -> {
                    sendId = s.id();
                    status(s);
                },
                f -> sendStatus.set("The report was not sent: " + Problems.words(f)));
    }

    /** Shows a status of this session's send (the first answer or a later push). */
    void status(ReportSendStatus s) {
        if (!s.session().equals(session) || (sendId != null && !sendId.equals(s.id()))) {
            return;
        }
        sendState.set(s.state());
        sendStatus.set(words(s));
        switch (s.state()) {
            case SENT -> notices.accept(new Notice("Report sent", s.message(), s.attempts()));
            case FAILED -> notices.accept(new Notice("Report not sent", s.message(), s.attempts()));
            case QUEUED, RETRYING -> {}
        }
    }

    private String words(ReportSendStatus s) {
        return switch (s.state()) {
            case QUEUED -> s.message();
            case RETRYING ->
                "Retrying at "
                        + (s.nextAttemptAt() == null
                                ? "once the server can"
                                : clock.apply(Micros.toInstant(s.nextAttemptAt())))
                        + ": " + s.message();
            case SENT -> "Sent: " + s.message();
            case FAILED -> "Failed: " + s.message();
        };
    }

    /** Makes a read-only share link valid for the chosen time. */
    public void share() {
        shareStatus.set("Making a share link…");
        background.await(
                actions.share(session, expiry.get().validFor()),
                created -> {
                    link.set(created);
                    shareStatus.set("Works until " + dayClock.apply(Micros.toInstant(created.expiresAt()))
                            + ". Anyone with the link can read the record; revoke it when it is no longer needed.");
                    refreshAccess();
                },
                f -> shareStatus.set("No link was made: " + Problems.words(f)));
    }

    /** Stops the link shown from working. */
    public void revoke() {
        ShareCreated shown = link.get();
        if (shown == null) {
            return;
        }
        background.await(
                actions.unshare(shown.id()),
                ok -> {
                    link.set(null);
                    shareStatus.set("The link " + shown.id() + " was revoked; it no longer opens the record.");
                    refreshAccess();
                },
                f -> shareStatus.set("The link still works: " + Problems.words(f)));
    }

    /** Asks the server for the access log again. */
    public void refreshAccess() {
        background.await(
                actions.accessLog(session),
                entries -> {
                    access.setAll(entries.entries().stream().map(this::line).toList());
                    accessStatus.set(
                            entries.entries().isEmpty()
                                    ? "Nobody exported, e-mailed, shared or viewed this record yet."
                                    : entries.more() ? "Older entries are not shown." : "");
                },
                f -> accessStatus.set("The access log could not be read: " + Problems.words(f)));
    }

    private String line(AccessEntry e) {
        String what = switch (e.action()) {
            case EXPORT -> "exported the record or report";
            case EMAIL_REQUESTED -> "asked for the report to be e-mailed";
            case EMAIL_SENT -> "e-mailed the report";
            case EMAIL_FAILED -> "e-mailing the report failed";
            case SHARE_CREATED -> "made a share link";
            case SHARE_VIEWED -> "opened a share link";
            case SHARE_REVOKED -> "revoked a share link";
        };
        return dayClock.apply(Micros.toInstant(e.at())) + "  " + e.actor() + " " + what
                + (e.detail() == null ? "" : " (" + e.detail() + ")");
    }

    public ReadOnlyStringProperty sendStatus() {
        return sendStatus;
    }

    public ReadOnlyObjectProperty<SendState> sendState() {
        return sendState;
    }

    public ObjectProperty<Expiry> expiry() {
        return expiry;
    }

    public ReadOnlyObjectProperty<ShareCreated> link() {
        return link;
    }

    public ReadOnlyStringProperty shareStatus() {
        return shareStatus;
    }

    public ObservableList<String> access() {
        return FXCollections.unmodifiableObservableList(access);
    }

    public ReadOnlyStringProperty accessStatus() {
        return accessStatus;
    }

    /** Stops listening to the server's statuses (the tab is gone). */
    @Override
    public void close() {
        statuses.close();
    }
}
