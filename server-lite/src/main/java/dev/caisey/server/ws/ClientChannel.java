package dev.caisey.server.ws;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.event.ApprovalRequested;
import dev.caisey.record.event.RecordedEvent;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CheckpointPush;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.ServerException;
import dev.caisey.server.clients.ApprovalWords;
import dev.caisey.server.clients.ClientPasses;
import dev.caisey.server.sessions.Participant;
import dev.caisey.server.sessions.SessionState;
import dev.caisey.server.sessions.Subscription;
import jakarta.websocket.CloseReason;
import java.util.Optional;
import java.util.UUID;

/**
 * The client's browser page: bound to exactly one session, by the client pass its cookie carries (the browser page)
 * or by a join code in {@code client.join} (programs), then chats, answers approval requests and follows that one
 * session. It can see and do nothing else. Each approval request reaches the page in plain words ({@code
 * approval.prompt}) just before the event that records it.
 */
final class ClientChannel implements Channel {
    /** What a browser with a stale or foreign pass is told; it should not retry. */
    static final String PASS_NOT_VALID = "This page has expired or the session has ended. If you still need help, ask "
            + "your technician for a new code.";

    private final Connection connection;
    private final ServerContext context;
    private volatile Participant.Client client;
    private volatile Subscription subscription;

    ClientChannel(Connection connection, ServerContext context) {
        this.connection = connection;
        this.context = context;
    }

    @Override
    public void opened() {
        Handshake handshake = connection.handshake();
        if (handshake.pass() == null) {
            return; // not a browser with a pass: it may join with a code
        }
        Optional<ClientPasses.Pass> pass =
                handshake.sameOrigin() ? context.passes().find(handshake.pass()) : Optional.empty();
        if (pass.isEmpty()) {
            connection.send(Frame.of(new ErrorReply(ErrorCode.UNAUTHENTICATED, PASS_NOT_VALID)));
            connection.close(CloseReason.CloseCodes.VIOLATED_POLICY, "no valid client pass");
            return;
        }
        ClientPasses.Pass p = pass.get();
        bind(new Participant.Client(p.clientId(), p.name(), p.session()), null);
    }

    @Override
    public void handle(Frame frame) {
        switch (frame.body()) {
            case ClientJoin join -> join(frame, join);
            case ChatSend chat ->
                MessageEndpoint.replyWhenDone(
                        connection, frame, context.commands().chat(requireJoined(), chat), a -> new Ok());
            case ApprovalAnswer answer ->
                MessageEndpoint.replyWhenDone(
                        connection, frame, context.commands().answer(requireJoined(), answer), a -> new Ok());
            case SessionSubscribe subscribe -> subscribe(frame, subscribe);
            case Ping ping -> connection.send(frame.reply(new Pong(ping.at())));
            case Pong pong -> {}
            default -> throw new ServerException(ErrorCode.FORBIDDEN, "The client page may not send this.");
        }
    }

    private void join(Frame frame, ClientJoin join) {
        if (client != null) {
            throw new ServerException(ErrorCode.CONFLICT, "You have already joined a session.");
        }
        String session = context.joinCodes().redeem(join.code(), connection.remote());
        bind(new Participant.Client("c-" + UUID.randomUUID(), join.name(), session), frame);
    }

    /** Binds the connection to the client's session; a closed session is only shown, nobody joins it. */
    private void bind(Participant.Client joined, Frame request) {
        SessionState state = context.sessions().state(joined.session());
        ClientJoined welcome = new ClientJoined(
                state.session(),
                state.technician().name(),
                context.company(),
                state.endpoint().name(),
                joined.name());
        if (state.closed()) {
            client = joined;
            connection.send(request == null ? Frame.of(welcome) : request.reply(welcome));
            return;
        }
        var recorded = context.commands().joined(joined, joined.session(), "browser");
        if (request != null) {
            MessageEndpoint.replyWhenDone(connection, request, recorded, a -> {
                client = joined;
                return welcome;
            });
            return;
        }
        recorded.whenComplete((appended, failure) -> {
            if (failure == null) {
                client = joined;
                connection.send(Frame.of(welcome));
            } else {
                connection.send(Frame.of(new ErrorReply(
                        ErrorCode.INTERNAL,
                        "The server could not add you to the " + "session just now; the page will try again.")));
                connection.close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "could not record the client joining");
            }
        });
    }

    private void subscribe(Frame frame, SessionSubscribe subscribe) {
        Participant.Client me = requireJoined();
        if (!me.session().equals(subscribe.session())) {
            throw Participant.notYours();
        }
        if (subscription != null) {
            subscription.cancel();
        }
        connection.send(frame.reply(new Ok()));
        subscription = context.sessions().subscribe(me.session(), subscribe.afterSeq(), (events, checkpoints) -> {
            events.forEach(this::push);
            checkpoints.forEach(c -> connection.send(Frame.of(new CheckpointPush(c))));
        });
    }

    private void push(RecordedEvent event) {
        if (event.event() instanceof ApprovalRequested request) {
            SessionState state = context.sessions().state(event.session());
            connection.send(Frame.of(ApprovalWords.of(
                    event.session(),
                    request,
                    id -> state.command(id).map(SessionState.Command::request).orElse(null),
                    state.organisation().timeZone())));
        }
        connection.send(Frame.of(new EventPush(event)));
    }

    private Participant.Client requireJoined() {
        Participant.Client me = client;
        if (me == null) {
            throw new ServerException(ErrorCode.UNAUTHENTICATED, "Join the session with your code first.");
        }
        return me;
    }

    @Override
    public void closed(String reason) {
        if (subscription != null) {
            subscription.cancel();
        }
        Participant.Client me = client;
        if (me != null && !context.sessions().state(me.session()).closed()) {
            context.commands().left(me, me.session(), "left".equals(reason) ? "closed the page" : reason);
        }
    }
}
