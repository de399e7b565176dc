package dev.caisey.record.protocol;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.Require;

/**
 * {@code error}: the server refused a request or could not complete it; nothing was changed. Sent on the wire as
 * {@code {"code": "invalid", "message": "…"}}, the code in its {@link ErrorCode#wireName() wire form}.
 *
 * @param code the stable error code
 * @param message a short sentence a person can act on; never a secret or a stack trace
 */
public record ErrorReply(ErrorCode code, String message) implements Message {
    /** Validates every member. */
    public ErrorReply {
        Require.present(code, "code");
        Require.text(message, "message", Limits.MAX_TEXT_CHARS);
    }

    /** The reply to a refused request: the exception's code and message, the message cut to the allowed length. */
    public static ErrorReply of(RecordException refusal) {
        String message = refusal.getMessage();
        if (message == null || message.isBlank()) {
            message = "the request was refused (" + refusal.code().wireName() + ")";
        }
        if (message.length() > Limits.MAX_TEXT_CHARS) {
            int end = Limits.MAX_TEXT_CHARS - 1;
            if (Character.isHighSurrogate(message.charAt(end - 1))) {
                end--;
            }
            message = message.substring(0, end) + "…";
        }
        return new ErrorReply(refusal.code(), message);
    }
}
