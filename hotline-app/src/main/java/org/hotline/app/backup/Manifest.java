package org.hotline.app.backup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A backup manifest's text: sorted {@code key=value} lines in UTF-8, one fact or entry per line. */
final class Manifest {
    private Manifest() {
    }

    static byte[] format(Map<String, String> values) {
        StringBuilder text = new StringBuilder("# Hotline backup manifest: entry.<name>=<sha-256> <bytes>\n");
        new TreeMap<>(values).forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, String> parse(byte[] bytes) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> values = new TreeMap<>();
        properties.forEach((key, value) -> values.put((String) key, (String) value));
        return values;
    }
}
