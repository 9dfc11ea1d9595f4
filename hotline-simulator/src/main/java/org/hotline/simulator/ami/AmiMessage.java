package org.hotline.simulator.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One AMI packet as Asterisk 22 frames it (main/manager.c): {@code Key: Value} lines ended by CRLF, the packet
 * ended by an empty line. Keys keep their order (an action may repeat {@code Variable:}); lookups ignore case,
 * as {@code astman_get_header} does.
 */
public final class AmiMessage {
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    /** Reads one packet; null at the end of the stream. Lines without a colon are kept with an empty key. */
    static AmiMessage read(BufferedReader in) throws IOException {
        AmiMessage message = new AmiMessage();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (message.headers.isEmpty()) {
                    continue;
                }
                return message;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                message.headers.add(Map.entry("", line));
            } else {
                message.headers.add(Map.entry(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
        return message.headers.isEmpty() ? null : message;
    }

    /** Adds a header (values may repeat). */
    public AmiMessage with(String key, Object value) {
        headers.add(Map.entry(key, String.valueOf(value)));
        return this;
    }

    /** The first value of {@code key} (any case), or an empty string, like {@code astman_get_header}. */
    public String get(String key) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(key)) {
                return header.getValue();
            }
        }
        return "";
    }

    /** Every value of {@code key}, in order. */
    public List<String> all(String key) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).toList();
    }

    /** The action's name in lower case, or an empty string. */
    String action() {
        return get("Action").toLowerCase(Locale.ROOT);
    }

    /** The packet on the wire: CRLF line ends and the empty line that ends it. */
    String wire() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> header : headers) {
            out.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
        }
        return out.append("\r\n").toString();
    }

    @Override
    public String toString() {
        return wire();
    }
}
