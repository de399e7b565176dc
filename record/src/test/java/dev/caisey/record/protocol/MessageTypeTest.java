package dev.caisey.record.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caisey.record.ErrorCode;
import dev.caisey.record.RecordException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageTypeTest {

    @Test
    void everyPermittedSubclassOfMessageHasExactlyOneType() {
        List<Class<?>> permitted = Arrays.asList(Message.class.getPermittedSubclasses());

        for (Class<?> type : permitted) {
            assertThat(Stream.of(MessageType.values()).filter(t -> t.javaType() == type))
                    .as(type.getSimpleName())
                    .hasSize(1);
        }
        assertThat(Stream.of(MessageType.values())
                        .<Class<?>>map(MessageType::javaType)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(permitted);
    }

    @Test
    void wireNamesAreUniqueDottedLowerCase() {
        List<String> names =
                Stream.of(MessageType.values()).map(MessageType::wireName).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z]+(\\.[a-z]+)*"));
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void findsEachTypeByItsWireNameAndByItsMessage(MessageType type) {
        assertThat(MessageType.ofWireName(type.wireName())).isEqualTo(type);
        assertThat(Samples.of(type).type()).isEqualTo(type);
        assertThat(type.senders()).isNotEmpty();
    }

    @Test
    void rejectsAnUnknownWireNameListingTheKnownOnes() {
        assertThatThrownBy(() -> MessageType.ofWireName("chat.shout"))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
                    assertThat(e.getMessage()).contains("'chat.shout'", "chat.send", "agent.report");
                });
    }

    @Test
    void letsOnlyTheServerSendCommandsToAgents() {
        assertThat(MessageType.COMMAND_RUN.senders()).containsExactly(Sender.SERVER);
        assertThat(MessageType.AGENT_ACK.senders()).containsExactly(Sender.SERVER);
        assertThat(MessageType.EVENT.senders()).containsExactly(Sender.SERVER);
    }

    @Test
    void letsOnlyAConsoleAskForAReportByEmailOrAnAccessLog() {
        assertThat(MessageType.REPORT_SEND.senders()).containsExactly(Sender.CONSOLE);
        assertThat(MessageType.ACCESS_LIST.senders()).containsExactly(Sender.CONSOLE);
        assertThat(MessageType.REPORT_STATUS.senders()).containsExactly(Sender.SERVER);
        assertThat(MessageType.ACCESS_ENTRIES.senders()).containsExactly(Sender.SERVER);
    }

    @Test
    void letsTheClientPageOnlyJoinSubscribeChatAndAnswer() {
        assertThat(Stream.of(MessageType.values()).filter(t -> t.allowedFrom(Sender.CLIENT)))
                .containsExactlyInAnyOrder(
                        MessageType.PING,
                        MessageType.PONG,
                        MessageType.CLIENT_JOIN,
                        MessageType.SESSION_SUBSCRIBE,
                        MessageType.CHAT_SEND,
                        MessageType.APPROVAL_ANSWER);
    }

    @Test
    void letsAnAgentOnlyEnrollProveItselfReportAndRefuse() {
        assertThat(Stream.of(MessageType.values()).filter(t -> t.allowedFrom(Sender.AGENT)))
                .containsExactlyInAnyOrder(
                        MessageType.ERROR,
                        MessageType.PING,
                        MessageType.PONG,
                        MessageType.AGENT_ENROLL,
                        MessageType.AGENT_HELLO,
                        MessageType.AGENT_REPORT);
    }

    @Test
    void saysWhoMaySendATypeWhenRefusingIt() {
        assertThatThrownBy(() -> MessageType.CHAT_SEND.requireAllowedFrom(Sender.AGENT))
                .isInstanceOfSatisfying(RecordException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage())
                            .isEqualTo("an agent may not send 'chat.send'; only a console or a client page may");
                });
    }

    @Test
    void offersAnUnmodifiableSetOfSenders() {
        assertThatThrownBy(() -> MessageType.OK.senders().add(Sender.AGENT))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
