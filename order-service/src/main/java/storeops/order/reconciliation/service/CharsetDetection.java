package storeops.order.reconciliation.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Exports from Chinese back offices come as UTF-8 (often with a BOM) or GBK. The head of the
 * stream decides: valid UTF-8 is UTF-8, anything else is read as GB18030, GBK's superset.
 */
final class CharsetDetection {

    static final int PROBE = 64 * 1024;
    static final Charset GBK = Charset.forName("GB18030");

    private CharsetDetection() {
    }

    /** Detects the charset and leaves the stream positioned after a UTF-8 byte order mark, if any. */
    static Charset detect(BufferedInputStream in) throws IOException {
        in.mark(PROBE + 1);
        byte[] head = in.readNBytes(PROBE);
        in.reset();
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
            return StandardCharsets.UTF_8;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // not the end of input when the probe is full: a character cut at its end is no error
        boolean end = head.length < PROBE;
        var result = utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), end);
        return result.isError() ? GBK : StandardCharsets.UTF_8;
    }

    static BufferedInputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, PROBE + 1);
    }
}
