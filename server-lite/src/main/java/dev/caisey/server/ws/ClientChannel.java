package dev.caisey.server.ws;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.protocol.ApprovalAnswer;
import dev.caisey.record.protocol.ChatSend;
import dev.caisey.record.protocol.CheckpointPush;
import dev.caisey.record.protocol.ClientJoin;
import dev.caisey.record.protocol.ClientJoined;
import dev.caisey.record.protocol.EventPush;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Ok;
import dev.caisey.record.protocol.Ping;
import dev.caisey.record.protocol.Pong;
import dev.caisey.record.protocol.SessionSubscribe;
import dev.caisey.server.ServerException;
import dev.caisey.server.sessions.Participant;
import dev.caisey.server.sessions.Subscription;
import java.util.UUID;

/**
 * The client's browser page: joins exactly one session with a code, then chats, answers approval requests and follows
 * that one session. It can see and do nothing else.
 */
final class ClientChannel implements Channel {
    private final Connection connection;
    private final ServerContext context;
    private volatile Participant.Client client;
    private volatile Subscription subscription;

    ClientChannel(Connection connection, ServerContext context) {
        this.connection = connection;
        this.context = context;
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
        Participant.Client joined = new Participant.Client("c-" + UUID.randomUUID(), join.name(), session);
        MessageEndpoint.replyWhenDone(connection, frame, context.commands().joined(joined, session, "browser"), a -> {
            client = joined;
            return new ClientJoined(session);
        });
    }

    private void subscribe(Frame frame, SessionSubscribe subscribe) {
        Participant.Client me = requireJoined();
        if (!me.session().equals(subscribe.session())) {
            throw dev.caisey.server.sessions.Participant.notYours();
        }
        if (subscription != null) {
            subscription.cancel();
        }
        connection.send(frame.reply(new Ok()));
        subscription = context.sessions().subscribe(me.session(), subscribe.afterSeq(), (events, checkpoints) -> {
            events.forEach(e -> connection.send(Frame.of(new EventPush(e))));
            checkpoints.forEach(c -> connection.send(Frame.of(new CheckpointPush(c))));
        });
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
