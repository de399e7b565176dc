package dev.caisey.record.protocol;

import dev.caisey.record.event.Require;

/**
 * One wire message with its envelope: {@code {"v": 1, "type": "chat.send", "id": "…", "re": "…", "body": {…}}}.
 *
 * <p>{@code v} is always {@link Protocol#VERSION} and {@code type} is the body's {@link MessageType#wireName()}, so
 * neither is stored here. A request that wants an answer carries an {@code id}; the answer carries the same value as
 * {@code re}.
 *
 * @param id the sender's correlation id for a request, or {@code null}
 * @param re the id of the request this frame answers, or {@code null}
 * @param body the message
 */
public record Frame(String id, String re, Message body) {
    /** Validates every member; {@code id} and {@code re} are optional identifiers. */
    public Frame {
        Require.optionalId(id, "id");
        Require.optionalId(re, "re");
        Require.present(body, "body");
    }

    /** A frame that neither asks for nor gives an answer (pushes, notifications). */
    public static Frame of(Message body) {
        return new Frame(null, null, body);
    }

    /** A request whose answer will carry {@code id} as its {@code re}. */
    public static Frame request(String id, Message body) {
        return new Frame(Require.id(id, "id"), null, body);
    }

    /** The answer to this frame: {@code re} is this frame's {@code id} (absent if this frame had none). */
    public Frame reply(Message answer) {
        return new Frame(null, id, answer);
    }

    /** The body's type. */
    public MessageType type() {
        return body.type();
    }
}
