package dev.caisey.server.mail;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Micros;
import dev.caisey.record.export.SessionSummary;
import dev.caisey.record.protocol.AccessAction;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.SendState;
import dev.caisey.report.ReportException;
import dev.caisey.report.mail.ReportMail;
import dev.caisey.report.mail.ReportMailer;
import dev.caisey.server.ServerException;
import dev.caisey.server.audit.AccessLog;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.db.Database;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * E-mails session reports to client organisations, reliably: a request is kept in the {@link MailOutbox} before it is
 * acknowledged, each attempt renders the report ({@link ReportSource}) and sends it ({@link ReportMailer}), and a
 * failure that may pass (the mail server is down or busy) is tried again after a growing wait ({@link RetryPolicy})
 * until it succeeds or the attempts run out. A restart picks up every unfinished send ({@link #resume()}). Each change
 * is told to the listeners in words, and the outcome goes into the {@link AccessLog}.
 *
 * <p>The timer thread only schedules; attempts (rendering, SMTP) run on virtual threads, one at a time per send.
 */
public final class ReportDelivery {
    private static final System.Logger LOG = System.getLogger(ReportDelivery.class.getName());
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A change of a send's state, for whoever asked for it ({@code requestedBy}, a user name). */
    public record Update(String requestedBy, ReportSendStatus status) {}

    private final MailOutbox outbox;
    private final SmtpConfig smtp;
    private final ReportSource reports;
    private final Function<String, SessionSummary> summaries;
    private final ReportMailer mailer;
    private final AccessLog accessLog;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final RetryPolicy policy;
    private final Set<Consumer<Update>> listeners = new CopyOnWriteArraySet<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /**
     * Delivery with everything it needs.
     *
     * @param summaries the summary of a stored session, for the letter around the report
     */
    public ReportDelivery(
            Database database,
            SmtpConfig smtp,
            ReportSource reports,
            Function<String, SessionSummary> summaries,
            ReportMailer mailer,
            AccessLog accessLog,
            ScheduledExecutorService timers,
            Clock clock,
            RetryPolicy policy) {
        this.outbox = new MailOutbox(database);
        this.smtp = smtp;
        this.reports = reports;
        this.summaries = summaries;
        this.mailer = mailer;
        this.accessLog = accessLog;
        this.timers = timers;
        this.clock = clock;
        this.policy = policy;
    }

    /**
     * Accepts a report to send to {@code recipients}, durably; {@link #start} then makes the first attempt (after the
     * caller has answered, so the answer comes before any news). The caller has checked that the requester may and that
     * the session is closed.
     *
     * @throws ServerException with {@link ErrorCode#CONFLICT} if no mail server is set up
     */
    public ReportSendStatus request(Principal requester, String session, List<String> recipients) {
        smtp.current();
        Instant now = clock.instant();
        String words = "The report is being sent to " + String.join(", ", recipients) + ".";
        MailOutbox.Entry entry = outbox.add(session, requester, recipients, words, now);
        accessLog.record(requester, AccessAction.EMAIL_REQUESTED, session, "to " + String.join(", ", recipients));
        return status(entry);
    }

    /** Makes the first attempt of a send accepted by {@link #request} (a restart makes it anyway: {@link #resume}). */
    public void start(String id) {
        schedule(id, Duration.ZERO);
    }

    /** Schedules every send a previous run left unfinished, at its due time (or now, if that passed). */
    public void resume() {
        Instant now = clock.instant();
        for (MailOutbox.Entry entry : outbox.unfinished()) {
            Instant due = entry.nextAttemptAt() == null ? now : entry.nextAttemptAt();
            schedule(entry.id(), due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO);
        }
    }

    /** Tells {@code listener} of every change from now on. */
    public void listen(Consumer<Update> listener) {
        listeners.add(listener);
    }

    /** Stops telling {@code listener}. */
    public void unlisten(Consumer<Update> listener) {
        listeners.remove(listener);
    }

    private void schedule(String id, Duration delay) {
        timers.schedule(
                () -> Thread.ofVirtual().name("report-mail-" + id).start(() -> attempt(id)),
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void attempt(String id) {
        if (!running.add(id)) {
            return;
        }
        try {
            outbox.find(id).filter(e -> !e.state().isFinal()).ifPresent(this::attempt);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "sending report " + id + " failed inside the server", e);
        } finally {
            running.remove(id);
        }
    }

    private void attempt(MailOutbox.Entry entry) {
        int attempts = entry.attempts() + 1;
        try {
            ReportMail mail =
                    new ReportMail(entry.recipients(), summaries.apply(entry.session()), reports.pdf(entry.session()));
            mailer.send(smtp.current(), mail);
            String to = String.join(", ", entry.recipients());
            finish(entry.next(SendState.SENT, attempts, null, "The report was sent to " + to + "."), "to " + to);
        } catch (ReportException e) {
            failed(entry, attempts, e.getMessage(), ReportMailer.isTemporary(e));
        } catch (ServerException e) {
            failed(entry, attempts, e.getMessage(), e.code() == ErrorCode.INTERNAL);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the report of " + entry.session() + " could not be made or sent", e);
            failed(entry, attempts, "The server could not make the report; its log has the details.", false);
        }
    }

    private void failed(MailOutbox.Entry entry, int attempts, String words, boolean temporary) {
        Instant now = clock.instant();
        if (temporary && attempts < policy.maxAttempts()) {
            Duration wait = policy.delayAfter(attempts);
            Instant next = now.plus(wait);
            MailOutbox.Entry retrying = entry.next(
                    SendState.RETRYING,
                    attempts,
                    next,
                    words + " Trying again at " + UTC_TIME.format(next) + " (attempt " + (attempts + 1) + " of "
                            + policy.maxAttempts() + ").");
            outbox.update(retrying, now);
            tell(retrying);
            schedule(entry.id(), wait);
            return;
        }
        String given = temporary ? words + " Gave up after " + attempts + " attempts." : words;
        finish(entry.next(SendState.FAILED, attempts, null, given), given);
    }

    private void finish(MailOutbox.Entry entry, String detail) {
        outbox.update(entry, clock.instant());
        accessLog.record(
                entry.requestedBy(),
                entry.requestedRole(),
                entry.state() == SendState.SENT ? AccessAction.EMAIL_SENT : AccessAction.EMAIL_FAILED,
                entry.session(),
                detail);
        tell(entry);
    }

    private void tell(MailOutbox.Entry entry) {
        Update update = new Update(entry.requestedBy(), status(entry));
        listeners.forEach(listener -> listener.accept(update));
    }

    private static ReportSendStatus status(MailOutbox.Entry entry) {
        String words = entry.message().length() > dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS
                ? entry.message().substring(0, dev.caisey.record.Limits.MAX_SHORT_TEXT_CHARS - 1) + "…"
                : entry.message();
        return new ReportSendStatus(
                entry.id(),
                entry.session(),
                entry.state(),
                entry.attempts(),
                words,
                entry.nextAttemptAt() == null ? null : Micros.of(entry.nextAttemptAt()));
    }
}
