package dev.caisey.agent.exec;

import dev.caisey.record.event.OutputChannel;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads one of a command's output pipes to its end and hands the text to the collector. Bytes are decoded as UTF-8
 * with a decoder that keeps an incomplete character's first bytes until the rest arrive, so a multi-byte character
 * split across reads comes out whole; bytes that are not UTF-8 become U+FFFD. It keeps reading after the output limit
 * is reached, so the command never blocks on a full pipe.
 */
final class OutputPump implements Runnable {
    /** Bytes read from the pipe at a time. */
    static final int READ_BUFFER_BYTES = 8 * 1024;

    private static final System.Logger LOG = System.getLogger(OutputPump.class.getName());

    private final InputStream in;
    private final OutputChannel channel;
    private final OutputCollector collector;

    OutputPump(InputStream in, OutputChannel channel, OutputCollector collector) {
        this.in = in;
        this.channel = channel;
        this.collector = collector;
    }

    @Override
    public void run() {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer bytes = ByteBuffer.allocate(READ_BUFFER_BYTES);
        CharBuffer chars = CharBuffer.allocate(READ_BUFFER_BYTES);
        try {
            int read;
            while ((read = in.read(bytes.array(), bytes.position(), bytes.remaining())) >= 0) {
                bytes.position(bytes.position() + read);
                bytes.flip();
                decoder.decode(bytes, chars, false);
                bytes.compact();
                pass(chars);
            }
            bytes.flip();
            decoder.decode(bytes, chars, true);
            decoder.flush(chars);
            pass(chars);
        } catch (IOException e) {
            // The pipe was closed under us after the command ended and a descendant kept it open.
            LOG.log(Level.DEBUG, "stopped reading {0}: {1}", channel.wireName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pass(CharBuffer chars) throws InterruptedException {
        chars.flip();
        collector.accept(channel, chars);
        chars.clear();
    }
}
