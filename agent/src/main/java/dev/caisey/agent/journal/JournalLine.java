package dev.caisey.agent.journal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * One line of the journal file: {@code <crc> <payload>\n}, where {@code crc} is the CRC-32C of the payload's UTF-8
 * bytes as 8 lower-case hex digits and the payload is either an {@code agent.report} frame as sent on the wire (JSON,
 * which never holds a raw line break) or {@code ack <eventId>}. The checksum tells a complete line from one a crash
 * tore or a disk mangled.
 */
final class JournalLine {
    static final String ACK_PREFIX = "ack ";
    private static final int CRC_HEX_CHARS = 8;

    /** What a line adds to its payload: the checksum, a space and the line feed. */
    static final int OVERHEAD_BYTES = CRC_HEX_CHARS + 2;

    private JournalLine() {}

    /** The line, with its terminating line feed, as bytes. */
    static byte[] encode(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String crc = HexFormat.of().toHexDigits((int) crc(body));
        byte[] line = new byte[CRC_HEX_CHARS + 1 + body.length + 1];
        System.arraycopy(crc.getBytes(StandardCharsets.US_ASCII), 0, line, 0, CRC_HEX_CHARS);
        line[CRC_HEX_CHARS] = ' ';
        System.arraycopy(body, 0, line, CRC_HEX_CHARS + 1, body.length);
        line[line.length - 1] = '\n';
        return line;
    }

    /** The payload of a line (without its line feed), or {@code null} if the line is damaged. */
    static String decode(byte[] bytes, int from, int to) {
        int bodyFrom = from + CRC_HEX_CHARS + 1;
        if (to - from < CRC_HEX_CHARS + 1 || bytes[from + CRC_HEX_CHARS] != ' ') {
            return null;
        }
        long expected;
        try {
            expected = Long.parseLong(new String(bytes, from, CRC_HEX_CHARS, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, bodyFrom, to - bodyFrom);
        return crc.getValue() == expected ? new String(bytes, bodyFrom, to - bodyFrom, StandardCharsets.UTF_8) : null;
    }

    private static long crc(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }
}
