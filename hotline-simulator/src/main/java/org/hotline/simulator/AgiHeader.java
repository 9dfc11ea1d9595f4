package org.hotline.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code agi_*} lines Asterisk 22 sends first, in its order, with a builder's values and overrides. */
final class AgiHeader {
    static final String ASTERISK_VERSION = "22.10.1";

    private AgiHeader() {
    }

    static Map<String, String> build(String host, int port, String script, String channel, String uniqueId,
            String callerId, String callerIdName, String dnid, String extension, Map<String, String> overrides) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("agi_network", "yes");
        header.put("agi_network_script", script);
        header.put("agi_request", "agi://" + hostForUrl(host) + ":" + port + "/" + script);
        header.put("agi_channel", channel);
        header.put("agi_language", "en");
        header.put("agi_type", technology(channel));
        header.put("agi_uniqueid", uniqueId);
        header.put("agi_version", ASTERISK_VERSION);
        header.put("agi_callerid", callerId);
        header.put("agi_calleridname", callerIdName);
        header.put("agi_callingpres", "0");
        header.put("agi_callingani2", "0");
        header.put("agi_callington", "0");
        header.put("agi_callingtns", "0");
        header.put("agi_dnid", dnid);
        header.put("agi_rdnis", "unknown");
        header.put("agi_context", "hotline-inbound");
        header.put("agi_extension", extension);
        header.put("agi_priority", "2");
        header.put("agi_enhanced", "0.0");
        header.put("agi_accountcode", "");
        header.put("agi_threadid", "140000000000000");
        // put() on a LinkedHashMap keeps an existing key in its place and appends a new one: exactly "override".
        header.putAll(overrides);
        return Collections.unmodifiableMap(header);
    }

    /** The bytes on the wire: one {@code key: value} line each, then an empty line. Values go out verbatim. */
    static String text(Map<String, String> header) {
        StringBuilder text = new StringBuilder();
        header.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
        return text.append('\n').toString();
    }

    /** The channel technology, which Asterisk reports as agi_type: "PJSIP" for "PJSIP/trunk-00000001". */
    private static String technology(String channel) {
        int slash = channel.indexOf('/');
        return slash > 0 ? channel.substring(0, slash) : channel;
    }

    private static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
