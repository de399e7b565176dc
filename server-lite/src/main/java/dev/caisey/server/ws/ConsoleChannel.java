package dev.caisey.server.ws;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.Micros;
import dev.caisey.record.protocol.AccessList;
import dev.caisey.record.protocol.ApprovalRequest;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CheckpointPush;
import dev.caisey.record.protocol.ClientInvite;
import dev.caisey.record.protocol.CommandCancel;
import dev.caisey.record.protocol.CommandRequest;
import dev.caisey.record.protocol.EndpointInfo;
import dev.caisey.record.protocol.EndpointPresence;
import dev.caisey.record.protocol.Endpoints;
import dev.caisey.record.protocol.EndpointsList;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Login;
import dev.caisey.record.protocol.LoginOk;
import dev.caisey.record.protocol.NoteAdd;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.ReportSend;
import dev.caisey.record.protocol.ReportSendStatus;
import dev.caisey.record.protocol.Resume;
import dev.caisey.record.protocol.SessionClose;
import dev.caisey.record.protocol.SessionCreated;
import dev.caisey.record.protocol.SessionOpen;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.record.protocol.SessionsList;
import dev.caisey.record.protocol.ShareCreate;
import dev.caisey.record.protocol.ShareRevoke;
import dev.caisey.record.protocol.VerificationMark;
import dev.caisey.server.ServerException;
import dev.caisey.server.auth.Endpoint;
import dev.caisey.server.auth.Principal;
import dev.caisey.server.auth.SessionToken;
import dev.caisey.server.mail.ReportDelivery;
import dev.caisey.server.sessions.Appended;
import dev.caisey.server.sessions.Participant;
import dev.caisey.server.sessions.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A technician's or manager's console: signs in (password or a token from an earlier sign-in), lists endpoints with
 * live presence, opens sessions, subscribes to them (resuming after a {@code seq}), and acts in them. Every act is
 * checked by {@link dev.caisey.server.sessions.SessionCommands} against the account's role and organisations.
 */
final class ConsoleChannel implements Channel {
    private final Connection connection;
    private final ServerContext context;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Consumer<EndpointPresence> presenceListener = this::presence;
    private final Consumer<ReportDelivery.Update> reportListener = this::reportUpdate;
    private volatile Principal principal;

    ConsoleChannel(Connection connection, ServerContext context) {
        this.connection = connection;
        this.context = context;
    }

    @Override
    public void handle(Frame frame) {
        switch (frame.body()) {
            case Login login -> signedIn(frame, context.accounts().login(login.user(), login.password(), now()));
            case Resume resume -> {
                signedIn(frame, context.tokens().resume(resume.token(), now()));
            }
            case Ping ping -> connection.send(frame.reply(new Pong(ping.at())));
            case Pong pong -> {}
            default -> act(frame, new Participant.Staff(requireSignedIn()));
        }
    }

    private void act(Frame frame, Participant.Staff me) {
        var commands = context.commands();
        switch (frame.body()) {
            case EndpointsList list -> connection.send(frame.reply(new Endpoints(endpoints(me.principal()))));
            case SessionsList list ->
                connection.send(frame.reply(context.catalog().page(me.principal()::mayAccess, list.after())));
            case SessionOpen open ->
                MessageEndpoint.replyWhenDone(connection, frame, commands.open(me, open), appended -> {
                    context.sessionOpened(appended.state());
                    return new SessionCreated(appended.state().session());
                });
            case SessionSubscribe subscribe -> subscribe(frame, me, subscribe);
            case CommandRequest request -> done(frame, commands.request(me, request));
            case ApprovalRequest ask -> done(frame, commands.ask(me, ask));
            case CommandCancel cancel -> done(frame, commands.cancel(me, cancel));
            case ChatSend chat -> done(frame, commands.chat(me, chat));
            case NoteAdd note -> done(frame, commands.note(me, note));
            case VerificationMark mark -> done(frame, commands.verify(me, mark));
            case SessionClose close ->
                MessageEndpoint.replyWhenDone(connection, frame, commands.close(me, close), a -> {
                    context.sessionClosed(a.state());
                    return new Ok();
                });
            case ClientInvite invite -> connection.send(frame.reply(context.invite(me, invite.session())));
            case ShareCreate share -> connection.send(frame.reply(context.share(me, share)));
            case ShareRevoke revoke -> {
                context.unshare(me, revoke);
                connection.send(frame.reply(new Ok()));
            }
            case ReportSend send -> {
                ReportSendStatus queued = context.sendReport(me, send.session());
                connection.send(frame.reply(queued));
                context.reportDelivery().start(queued.id());
            }
            case AccessList list -> connection.send(frame.reply(context.accessEntries(me, list.session())));
            default -> throw new ServerException(ErrorCode.FORBIDDEN, "A console may not send this.");
        }
    }

    private void done(Frame frame, java.util.concurrent.CompletableFuture<Appended> work) {
        MessageEndpoint.replyWhenDone(connection, frame, work, appended -> new Ok());
    }

    private void signedIn(Frame frame, SessionToken token) {
        Principal previous = principal;
        if (previous != null && !previous.userId().equals(token.principal().userId())) {
            // Signing in as someone else: what the previous account subscribed to is not for the new one to see.
            subscriptions.values().forEach(Subscription::cancel);
            subscriptions.clear();
        }
        principal = token.principal();
        if (previous == null) {
            context.presence().add(presenceListener);
            context.reportDelivery().listen(reportListener);
        }
        connection.send(frame.reply(new LoginOk(
                token.token(),
                Micros.of(token.expiresAt()),
                token.principal().user(),
                token.principal().role())));
    }

    private void subscribe(Frame frame, Participant.Staff me, SessionSubscribe subscribe) {
        context.requireReader(me, subscribe.session());
        Subscription previous = subscriptions.remove(subscribe.session());
        if (previous != null) {
            previous.cancel();
        }
        connection.send(frame.reply(new Ok()));
        subscriptions.put(
                subscribe.session(),
                context.sessions().subscribe(subscribe.session(), subscribe.afterSeq(), (events, checkpoints) -> {
                    events.forEach(e -> connection.send(Frame.of(new EventPush(e))));
                    checkpoints.forEach(c -> connection.send(Frame.of(new CheckpointPush(c))));
                }));
    }

    private List<EndpointInfo> endpoints(Principal me) {
        var online = context.agentLinks().onlineEndpoints();
        return context.endpoints().list().stream()
                .filter(e -> me.mayAccess(e.organisationId()) && !e.isRevoked())
                .limit(dev.caisey.record.Limits.MAX_ENDPOINTS_PER_MESSAGE)
                .map(e -> info(e, online.contains(e.id())))
                .toList();
    }

    private EndpointInfo info(Endpoint e, boolean online) {
        String organisationName = context.organisations()
                .find(e.organisationId())
                .map(o -> o.name())
                .orElse(e.organisationId());
        return new EndpointInfo(
                e.id(),
                e.hostname(),
                e.os(),
                e.organisationId(),
                organisationName,
                online,
                e.lastSeenAt() == null ? null : Micros.of(e.lastSeenAt()),
                e.agentVersion());
    }

    private void presence(EndpointPresence change) {
        Principal me = principal;
        if (me == null) {
            return;
        }
        context.endpoints()
                .find(change.endpointId())
                .filter(e -> me.mayAccess(e.organisationId()))
                .ifPresent(e -> connection.send(Frame.of(change)));
    }

    /** Later news of the reports this account asked to e-mail (the first answer went with the request). */
    private void reportUpdate(ReportDelivery.Update update) {
        Principal me = principal;
        if (me != null && me.user().equals(update.requestedBy())) {
            connection.send(Frame.of(update.status()));
        }
    }

    private Principal requireSignedIn() {
        Principal me = principal;
        if (me == null) {
            throw new ServerException(ErrorCode.UNAUTHENTICATED, "Sign in first.");
        }
        return me;
    }

    @Override
    public void closed(String reason) {
        subscriptions.values().forEach(Subscription::cancel);
        context.presence().remove(presenceListener);
        context.reportDelivery().unlisten(reportListener);
    }

    private Instant now() {
        return context.clock().instant();
    }
}
