package dev.caisey.console.connection;

import dev.caisey.console.ConsoleException;
import dev.caisey.console.ConsoleException.Failure;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.protocol.ErrorReply;
import dev.caisey.record.protocol.Frame;
import dev.caisey.record.protocol.Message;
import dev.caisey.record.protocol.ProtocolCodec;
import dev.caisey.record.protocol.Sender;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One WebSocket connection to the server: frames out through a queue and one virtual writer thread (callers never
 * block), frames in decoded strictly as the server may send them and handed on in arrival order. A request's answer
 * is matched to it by id when the handler of frames {@linkplain #settle settles} it. When the connection ends, every request still waiting fails with {@link
 * Failure#CONNECTION}.
 */
final class Link extends Endpoint {
    private static final System.Logger LOG = System.getLogger(Link.class.getName());
    private static final String CLOSE = "";

    private final Consumer<Frame> inbound;
    private final Map<String, CompletableFuture<Message>> waiting = new ConcurrentHashMap<>();
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(ConnectionSettings.MAX_QUEUED_FRAMES);
    private final AtomicLong ids = new AtomicLong();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Session session;
    private volatile String endReason;

    /** A link that hands every frame to {@code inbound}, in arrival order, on Tyrus's thread. */
    Link(Consumer<Frame> inbound) {
        this.inbound = inbound;
    }

    @Override
    public void onOpen(Session opened, EndpointConfig config) {
        this.session = opened;
        opened.setMaxTextMessageBufferSize(Limits.MAX_MESSAGE_BYTES * 2);
        opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::received);
        Thread.ofVirtual().name("console-out").start(this::drain);
    }

    @Override
    public void onClose(Session closed, CloseReason reason) {
        String words = reason.getReasonPhrase();
        end(words == null || words.isBlank() ? "the server closed the connection" : "the server said: " + words);
    }

    @Override
    public void onError(Session failed, Throwable error) {
        end("the connection failed: " + error.getMessage());
    }

    /** Sends {@code body} as a request; the future completes with the answer's body or fails with its refusal. */
    CompletableFuture<Message> request(Message body) {
        String id = "q" + ids.incrementAndGet();
        CompletableFuture<Message> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        answer.whenComplete((m, e) -> waiting.remove(id));
        if (!send(Frame.request(id, body))) {
            answer.completeExceptionally(notConnected());
        }
        return answer;
    }

    /** Queues a frame that needs no answer; {@code false} if the link has ended. */
    boolean send(Frame frame) {
        if (endReason != null) {
            return false;
        }
        if (!outbox.offer(ProtocolCodec.encode(frame))) {
            end("too many frames waiting to be sent");
            return false;
        }
        return true;
    }

    /** Ends the link (the first reason is kept) and closes the socket. */
    void end(String reason) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
        }
        outbox.clear();
        outbox.offer(CLOSE);
        ConsoleException broken = notConnected();
        waiting.values().forEach(f -> f.completeExceptionally(broken));
        Session open = session;
        if (open != null && open.isOpen()) {
            Thread.ofVirtual().name("console-close").start(() -> {
                try {
                    open.close();
                } catch (IOException | IllegalStateException e) {
                    LOG.log(Level.DEBUG, "closing a connection failed: {0}", e.getMessage());
                }
            });
        }
        ended.countDown();
    }

    /** Waits until the link ends; returns why. */
    String awaitEnd() throws InterruptedException {
        ended.await();
        return endReason;
    }

    /** Waits up to {@code millis} for the link to end; returns whether it has. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void received(String text) {
        Frame frame;
        try {
            frame = ProtocolCodec.decodeFrom(Sender.SERVER, text);
        } catch (RecordException e) {
            LOG.log(
                    Level.WARNING,
                    "ignored a frame from the server ({0}): {1}",
                    e.code().wireName(),
                    e.getMessage());
            return;
        }
        inbound.accept(frame);
    }

    /**
     * Completes the request {@code frame} answers, if it answers one this link is waiting for; called by whoever
     * handles frames in order, so that an answer and the pushes around it are seen in the order they came.
     */
    boolean settle(Frame frame) {
        CompletableFuture<Message> answer = frame.re() == null ? null : waiting.get(frame.re());
        if (answer == null) {
            return false;
        }
        if (frame.body() instanceof ErrorReply error) {
            answer.completeExceptionally(ConsoleException.refused(error));
        } else {
            answer.complete(frame.body());
        }
        return true;
    }

    private ConsoleException notConnected() {
        return new ConsoleException(
                Failure.CONNECTION,
                "The connection to the server ended before it answered (" + endReason
                        + "); whether the request was done shows in the session once the console is back.");
    }

    private void drain() {
        try {
            while (true) {
                String text = outbox.take();
                Session open = session;
                if (text == CLOSE || open == null || !open.isOpen()) {
                    return;
                }
                open.getBasicRemote().sendText(text);
            }
        } catch (IOException | IllegalStateException e) {
            end("sending failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
