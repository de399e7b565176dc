package dev.caisey.record.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.Limits;
import dev.caisey.record.RecordException;
import dev.caisey.record.event.CommandFinished;
import dev.caisey.record.event.Shell;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolCodecTest {

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void roundTripsEveryMessageType(MessageType type) {
        Frame frame = new Frame("req-1", "req-0", Samples.of(type));

        String text = ProtocolCodec.encode(frame);
        Frame decoded = ProtocolCodec.decode(text);

        assertThat(decoded).isEqualTo(frame);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(ProtocolCodec.encode(decoded)).isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void acceptsEveryTypeFromEachOfItsSenders(MessageType type) {
        String text = ProtocolCodec.encode(Frame.of(Samples.of(type)));

        for (Sender sender : type.senders()) {
            assertThat(ProtocolCodec.decodeFrom(sender, text).type()).isEqualTo(type);
        }
    }

    @Test
    void writesTheEnvelopeAndBodyCompactlyInAFixedOrder() {
        String text = ProtocolCodec.encode(Frame.request("r1", new ChatSend("s-1", "Is that okay?")));

        assertThat(text)
                .isEqualTo("{\"v\":1,\"type\":\"chat.send\",\"id\":\"r1\","
                        + "\"body\":{\"session\":\"s-1\",\"text\":\"Is that okay?\"}}");
    }

    @Test
    void writesEnumsAndErrorCodesInTheirWireForm() {
        String run = ProtocolCodec.encode(Frame.of(Samples.of(MessageType.COMMAND_RUN)));
        String error = ProtocolCodec.encode(Frame.of(new ErrorReply(ErrorCode.NOT_FOUND, "no such session")));
        String login = ProtocolCodec.encode(Frame.of(Samples.of(MessageType.LOGIN_OK)));

        assertThat(run).contains("\"shell\":\"powershell\"");
        assertThat(error).contains("\"code\":\"not_found\"");
        assertThat(login).contains("\"role\":\"technician\"");
        assertThat(ProtocolCodec.encode(Frame.of(Samples.of(MessageType.REPORT_STATUS))))
                .contains("\"type\":\"report.status\"", "\"state\":\"retrying\"");
        assertThat(ProtocolCodec.encode(Frame.of(Samples.of(MessageType.ACCESS_ENTRIES))))
                .contains("\"action\":\"share_created\"", "\"role\":\"manager\"", "\"action\":\"share_viewed\"");
    }

    @Test
    void rejectsAnAccessEntryWithAnUnknownAction() {
        String text = ProtocolCodec.encode(Frame.of(Samples.of(MessageType.ACCESS_ENTRIES)))
                .replace("share_viewed", "share_printed");

        assertThatThrownBy(() -> ProtocolCodec.decode(text)).isInstanceOfSatisfying(RecordException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
            assertThat(e.getMessage()).contains("access.entries", "share_printed");
        });
    }

    @Test
    void leavesOutAbsentOptionalMembers() {
        String text = ProtocolCodec.encode(Frame.of(new SessionOpen("ep-17", null, null)));

        assertThat(text).isEqualTo("{\"v\":1,\"type\":\"session.open\",\"body\":{\"endpointId\":\"ep-17\"}}");
    }

    @Test
    void writesAnAgentReportAsEventTypeAndData() {
        String text = ProtocolCodec.encode(
                Frame.of(new AgentReport("s-1", "e-1", 5, new CommandFinished("cmd-1", 0, 1_200, 8, false))));

        assertThat(text)
                .isEqualTo("{\"v\":1,\"type\":\"agent.report\",\"body\":{\"session\":\"s-1\",\"eventId\":\"e-1\","
                        + "\"sourceAt\":5,\"eventType\":\"command.finished\",\"data\":{\"commandId\":\"cmd-1\","
                        + "\"exitCode\":0,\"durationMillis\":1200,\"outputChars\":8,\"truncated\":false}}}");
    }

    @Test
    void readsUtf8Bytes() {
        byte[] utf8 = ProtocolCodec.encode(Frame.of(Samples.of(MessageType.CHAT_SEND)))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ProtocolCodec.decode(utf8).body()).isEqualTo(Samples.of(MessageType.CHAT_SEND));
    }

    @Test
    void rejectsAFrameLargerThanTheLimit() {
        String padding = "x".repeat(Limits.MAX_MESSAGE_BYTES);
        String text = frame("chat.send", "{\"session\":\"s-1\",\"text\":\"" + padding + "\"}");

        assertRefused(() -> ProtocolCodec.decode(text), ErrorCode.TOO_LARGE, "limit of 262144 bytes");
        assertRefused(
                () -> ProtocolCodec.decode(text.getBytes(StandardCharsets.UTF_8)),
                ErrorCode.TOO_LARGE,
                "limit of 262144 bytes");
    }

    @Test
    void countsBytesNotCharactersAgainstTheLimit() {
        String text = frame("chat.send", "{\"session\":\"s-1\",\"text\":\"" + "é".repeat(140_000) + "\"}");

        assertThat(text.length()).isLessThan(Limits.MAX_MESSAGE_BYTES);
        assertRefused(() -> ProtocolCodec.decode(text), ErrorCode.TOO_LARGE, "bytes");
    }

    @Test
    void refusesToEncodeAFrameTheReceiverWouldRefuse() {
        String script = "\u0001".repeat(Limits.MAX_SCRIPT_CHARS);
        Frame frame = Frame.of(new CommandRun("s-1", "cmd-1", Shell.SH, script, null, 60, 1_000));

        assertRefused(() -> ProtocolCodec.encode(frame), ErrorCode.TOO_LARGE, "command.run");
    }

    @Test
    void rejectsTextThatIsNotJson() {
        assertRefused(() -> ProtocolCodec.decode("{\"v\":1,"), ErrorCode.MALFORMED, "not valid JSON");
        assertRefused(() -> ProtocolCodec.decode("hello"), ErrorCode.MALFORMED, "not valid JSON");
        assertRefused(() -> ProtocolCodec.decode(""), ErrorCode.MALFORMED, "empty");
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] latin1 = frame("chat.send", "{\"session\":\"s-1\",\"text\":\"caf\u00e9\"}")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(() -> ProtocolCodec.decode(latin1), ErrorCode.MALFORMED, "not UTF-8");
    }

    @Test
    void rejectsDuplicateKeys() {
        String text = frame("chat.send", "{\"session\":\"s-1\",\"text\":\"yes\",\"text\":\"no\"}");

        assertRefused(() -> ProtocolCodec.decode(text), ErrorCode.MALFORMED, "text");
    }

    @Test
    void rejectsTrailingContent() {
        String text = frame("ok", "{}") + " {}";

        assertRefused(() -> ProtocolCodec.decode(text), ErrorCode.MALFORMED, "not valid JSON");
    }

    @Test
    void rejectsAFrameThatIsNotAnObject() {
        assertRefused(() -> ProtocolCodec.decode("[1, 2]"), ErrorCode.INVALID, "must be a JSON object; found an array");
    }

    @Test
    void rejectsAnUnknownType() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("chat.shout", "{}")),
                ErrorCode.UNKNOWN_TYPE,
                "unknown message type 'chat.shout'",
                "chat.send");
    }

    @Test
    void rejectsAnotherProtocolVersion() {
        String text = "{\"v\":2,\"type\":\"ok\",\"body\":{},\"trace\":\"from the future\"}";

        assertRefused(() -> ProtocolCodec.decode(text), ErrorCode.UNSUPPORTED_VERSION, "version 2", "version 1");
    }

    @Test
    void rejectsAFrameWithoutAVersion() {
        assertRefused(() -> ProtocolCodec.decode("{\"type\":\"ok\",\"body\":{}}"), ErrorCode.INVALID, "member 'v'");
    }

    @Test
    void rejectsAVersionThatIsNotAnInteger() {
        assertRefused(
                () -> ProtocolCodec.decode("{\"v\":1.0,\"type\":\"ok\",\"body\":{}}"),
                ErrorCode.INVALID,
                "frame.v must be an integer; found a fraction");
        assertRefused(
                () -> ProtocolCodec.decode("{\"v\":\"1\",\"type\":\"ok\",\"body\":{}}"),
                ErrorCode.INVALID,
                "frame.v must be an integer; found a string");
    }

    @Test
    void rejectsAFrameWithoutABody() {
        assertRefused(() -> ProtocolCodec.decode("{\"v\":1,\"type\":\"ok\"}"), ErrorCode.INVALID, "member 'body'");
    }

    @Test
    void rejectsAnUnknownEnvelopeMember() {
        assertRefused(
                () -> ProtocolCodec.decode("{\"v\":1,\"type\":\"ok\",\"body\":{},\"to\":\"x\"}"),
                ErrorCode.INVALID,
                "unknown member 'to'");
    }

    @Test
    void rejectsAnEnvelopeIdThatIsNotAnIdentifier() {
        assertRefused(
                () -> ProtocolCodec.decode("{\"v\":1,\"type\":\"ok\",\"id\":\"a b\",\"body\":{}}"),
                ErrorCode.INVALID,
                "frame.id must be");
        assertRefused(
                () -> ProtocolCodec.decode("{\"v\":1,\"type\":\"ok\",\"re\":7,\"body\":{}}"),
                ErrorCode.INVALID,
                "frame.re must be a string");
    }

    @Test
    void rejectsAMissingMember() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("chat.send", "{\"session\":\"s-1\"}")),
                ErrorCode.INVALID,
                "chat.send",
                "text is missing");
        assertRefused(
                () -> ProtocolCodec.decode(frame("session.subscribe", "{\"session\":\"s-1\"}")),
                ErrorCode.INVALID,
                "session.subscribe",
                "missing the member 'afterSeq'");
        assertRefused(
                () -> ProtocolCodec.decode(frame("approval.answer", "{\"session\":\"s-1\",\"approvalId\":\"a-1\"}")),
                ErrorCode.INVALID,
                "missing the member 'approve'");
    }

    @Test
    void rejectsAnUnknownMember() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("chat.send", "{\"session\":\"s-1\",\"text\":\"hi\",\"bold\":true}")),
                ErrorCode.INVALID,
                "unknown member 'bold'",
                "session, text");
    }

    @Test
    void rejectsANullMember() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("chat.send", "{\"session\":\"s-1\",\"text\":null}")),
                ErrorCode.INVALID,
                "body.text is null");
    }

    @Test
    void rejectsAFloatWhereAnIntegerIsExpected() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("session.subscribe", "{\"session\":\"s-1\",\"afterSeq\":1.5}")),
                ErrorCode.INVALID,
                "body.afterSeq is a fraction");
        assertRefused(
                () -> ProtocolCodec.decode(frame("ping", "{\"at\":1e3}")), ErrorCode.INVALID, "body.at is a fraction");
    }

    @Test
    void rejectsAnIntegerOutsideTheSafeRange() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("ping", "{\"at\":9007199254740993}")),
                ErrorCode.INVALID,
                "body.at is outside the range");
    }

    @Test
    void rejectsAStringWhereAnIntegerIsExpected() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("session.subscribe", "{\"session\":\"s-1\",\"afterSeq\":\"3\"}")),
                ErrorCode.INVALID,
                "body.afterSeq must be an integer; found a string");
    }

    @Test
    void rejectsANumberOrBooleanWhereAStringIsExpected() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("chat.send", "{\"session\":\"s-1\",\"text\":5}")),
                ErrorCode.INVALID,
                "body.text must be a string; found an integer");
        assertRefused(
                () -> ProtocolCodec.decode(frame(
                        "session.close", "{\"session\":\"s-1\",\"resolution\":true," + "\"outcome\":\"resolved\"}")),
                ErrorCode.INVALID,
                "body.resolution must be a string; found true or false");
    }

    @Test
    void rejectsAnObjectWhereAListIsExpected() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("agent.ack", "{\"eventIds\":{\"e-1\":true}}")),
                ErrorCode.INVALID,
                "body.eventIds must be an array; found an object");
    }

    @Test
    void rejectsAnIntegerWhereABooleanIsExpected() {
        assertRefused(
                () -> ProtocolCodec.decode(
                        frame("approval.answer", "{\"session\":\"s-1\",\"approvalId\":\"a-1\",\"approve\":1}")),
                ErrorCode.INVALID,
                "body.approve must be true or false; found an integer");
    }

    @Test
    void rejectsAnUnknownEnumValue() {
        String body = "{\"session\":\"s-1\",\"resolution\":\"done\",\"outcome\":\"fixed\"}";

        assertRefused(
                () -> ProtocolCodec.decode(frame("session.close", body)),
                ErrorCode.INVALID,
                "outcome must be one of resolved");
    }

    @Test
    void rejectsAValueOutOfRange() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("session.subscribe", "{\"session\":\"s-1\",\"afterSeq\":-1}")),
                ErrorCode.INVALID,
                "afterSeq must be between 0 and");
    }

    @Test
    void rejectsAMissingMemberOfANestedRecord() {
        String body = "{\"endpoints\":[{\"id\":\"ep-1\",\"name\":\"PC\",\"os\":\"Linux\",\"organisationId\":\"o-1\","
                + "\"organisationName\":\"Harbor\",\"agentVersion\":\"0.1.0\"}]}";

        assertRefused(
                () -> ProtocolCodec.decode(frame("endpoints", body)),
                ErrorCode.INVALID,
                "body.endpoints[0] is missing the member 'online'");
    }

    @Test
    void rejectsAnEmptyString() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("chat.send", "{\"session\":\"s-1\",\"text\":\"  \"}")),
                ErrorCode.INVALID,
                "text must not be blank");
    }

    @Test
    void rejectsATypeTheSenderMayNotSend() {
        String run = ProtocolCodec.encode(Frame.of(Samples.of(MessageType.COMMAND_RUN)));
        String close = ProtocolCodec.encode(Frame.of(Samples.of(MessageType.SESSION_CLOSE)));

        assertRefused(
                () -> ProtocolCodec.decodeFrom(Sender.CONSOLE, run),
                ErrorCode.FORBIDDEN,
                "a console may not send 'command.run'; only the server may");
        assertRefused(
                () -> ProtocolCodec.decodeFrom(Sender.CLIENT, close),
                ErrorCode.FORBIDDEN,
                "a client page may not send 'session.close'");
        assertRefused(
                () -> ProtocolCodec.decodeFrom(Sender.AGENT, close), ErrorCode.FORBIDDEN, "an agent may not send");
    }

    @Test
    void refusesAForbiddenTypeBeforeLookingAtItsBody() {
        assertRefused(
                () -> ProtocolCodec.decodeFrom(Sender.CLIENT, frame("command.run", "{}")),
                ErrorCode.FORBIDDEN,
                "command.run");
    }

    @Test
    void rejectsAnAgentReportingAnEventOnlyOthersMayCause() {
        String body = "{\"session\":\"s-1\",\"eventId\":\"e-1\",\"sourceAt\":5,\"eventType\":\"chat.message\","
                + "\"data\":{\"text\":\"I approve myself\"}}";

        assertRefused(
                () -> ProtocolCodec.decodeFrom(Sender.AGENT, frame("agent.report", body)),
                ErrorCode.FORBIDDEN,
                "may not report 'chat.message'",
                "command.started");
    }

    @Test
    void rejectsAnAgentReportOfAnUnknownEventType() {
        String body = "{\"session\":\"s-1\",\"eventId\":\"e-1\",\"sourceAt\":5,"
                + "\"eventType\":\"command.exploded\",\"data\":{}}";

        assertRefused(
                () -> ProtocolCodec.decode(frame("agent.report", body)),
                ErrorCode.UNKNOWN_TYPE,
                "body.eventType",
                "command.exploded");
    }

    @Test
    void rejectsAnAgentReportWhoseDataLacksAnInteger() {
        String body = "{\"session\":\"s-1\",\"eventId\":\"e-1\",\"sourceAt\":5,\"eventType\":\"command.finished\","
                + "\"data\":{\"commandId\":\"cmd-1\",\"durationMillis\":3,\"outputChars\":0,\"truncated\":false}}";

        assertRefused(
                () -> ProtocolCodec.decode(frame("agent.report", body)),
                ErrorCode.INVALID,
                "body.data (command.finished) is missing the member 'exitCode'");
    }

    @Test
    void rejectsAnAgentReportWithAnUnknownDataMember() {
        String body = "{\"session\":\"s-1\",\"eventId\":\"e-1\",\"sourceAt\":5,\"eventType\":\"command.started\","
                + "\"data\":{\"commandId\":\"cmd-1\",\"user\":\"root\"}}";

        assertRefused(
                () -> ProtocolCodec.decode(frame("agent.report", body)), ErrorCode.INVALID, "unknown member 'user'");
    }

    @Test
    void rejectsAListOverItsBound() {
        String ids = IntStream.rangeClosed(1, Limits.MAX_ACK_EVENT_IDS + 1)
                .mapToObj(i -> "\"e-" + i + "\"")
                .collect(Collectors.joining(","));

        assertRefused(
                () -> ProtocolCodec.decode(frame("agent.ack", "{\"eventIds\":[" + ids + "]}")),
                ErrorCode.INVALID,
                "eventIds has 1001 entries; at most 1000");
    }

    @Test
    void rejectsAnEndpointListOverItsBound() {
        var endpoints = Collections.nCopies(Limits.MAX_ENDPOINTS_PER_MESSAGE + 1, Samples.endpoint("ep-1", true, null));

        assertRefused(() -> new Endpoints(endpoints), ErrorCode.INVALID, "endpoints has 1001 entries");
    }

    @Test
    void rejectsAListEntryOfTheWrongType() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("agent.ack", "{\"eventIds\":[\"e-1\",2]}")),
                ErrorCode.INVALID,
                "body.eventIds[1] must be a string; found an integer");
    }

    @Test
    void rejectsAnErrorWithAnUnknownCode() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("error", "{\"code\":\"oops\",\"message\":\"x\"}")),
                ErrorCode.INVALID,
                "body.code: unknown error code 'oops'");
    }

    @Test
    void rejectsAnEventPushWhoseEventIsMalformed() {
        String event =
                ProtocolCodec.encode(Frame.of(Samples.of(MessageType.EVENT))).replace("\"seq\":4", "\"seq\":0");

        assertRefused(() -> ProtocolCodec.decode(event), ErrorCode.INVALID, "body.event", "seq must be between 1");
    }

    @Test
    void rejectsAnAgentKeyThatIsNotEd25519() {
        String body = "{\"token\":\"t\",\"publicKey\":\"AAAA\",\"hostname\":\"h\",\"os\":\"o\",\"agentVersion\":\"1\"}";

        assertRefused(() -> ProtocolCodec.decode(frame("agent.enroll", body)), ErrorCode.INVALID, "publicKey");
    }

    @Test
    void namesTheMessageTypeInEveryBodyError() {
        assertRefused(
                () -> ProtocolCodec.decode(frame("note.add", "{\"session\":\"s 1\",\"text\":\"x\"}")),
                ErrorCode.INVALID,
                "note.add: ",
                "session must be");
    }

    static String frame(String type, String body) {
        return "{\"v\":1,\"type\":\"" + type + "\",\"body\":" + body + "}";
    }

    static void assertRefused(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code, String... fragments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RecordException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).contains(fragments);
        });
    }
}
