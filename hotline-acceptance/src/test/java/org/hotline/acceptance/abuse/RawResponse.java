package org.hotline.acceptance.abuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status and headers of the answer to bytes written straight to the HTTP port: requests no HTTP client would
 * send, which Vert.x refuses before any route sees them.
 */
record RawResponse(int status, HttpHeaders headers) {
    static RawResponse of(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String head = new String(socket.getInputStream().readNBytes(8192), StandardCharsets.ISO_8859_1);
            String[] lines = head.split("\r\n\r\n", 2)[0].split("\r\n");
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), HttpHeaders.of(headers, (k, v) -> true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
