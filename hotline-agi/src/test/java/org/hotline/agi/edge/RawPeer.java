package org.hotline.agi.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A FastAGI client at the byte level, for what neither Asterisk nor {@code FakeCall} would send: any line
 * ending, NUL bytes, endless lines, glued or unfinished replies, a half-closed socket, a foreign source
 * address. Nothing is added or checked; a test says exactly which bytes go out.
 */
final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[8192];
    private int start;
    private int end;
    private boolean closed;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawPeer connect(int port) {
        return connectFrom(null, port);
    }

    /** Connects to the server on 127.0.0.1 from {@code localAddress} (any loopback address works on Linux). */
    static RawPeer connectFrom(String localAddress, int port) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            return new RawPeer(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // the connect failure is what matters
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The header lines Asterisk 22 sends, in its order; values verbatim. */
    static Map<String, String> header(int port, String script, String uniqueId) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("agi_network", "yes");
        header.put("agi_network_script", script);
        header.put("agi_request", "agi://127.0.0.1:" + port + "/" + script);
        header.put("agi_channel", "PJSIP/trunk-00000001");
        header.put("agi_language", "en");
        header.put("agi_type", "PJSIP");
        header.put("agi_uniqueid", uniqueId);
        header.put("agi_version", "22.10.1");
        header.put("agi_callerid", "unknown");
        header.put("agi_calleridname", "unknown");
        header.put("agi_callingpres", "0");
        header.put("agi_callingani2", "0");
        header.put("agi_callington", "0");
        header.put("agi_callingtns", "0");
        header.put("agi_dnid", "1098");
        header.put("agi_rdnis", "unknown");
        header.put("agi_context", "hotline-inbound");
        header.put("agi_extension", "1098");
        header.put("agi_priority", "2");
        header.put("agi_enhanced", "0.0");
        header.put("agi_accountcode", "");
        header.put("agi_threadid", "140000000000000");
        return header;
    }

    /** The header as lines ending in {@code eol}, without the blank line that closes it. */
    static List<String> headerLines(Map<String, String> header, String eol) {
        List<String> lines = new ArrayList<>();
        header.forEach((key, value) -> lines.add(key + ": " + value + eol));
        return lines;
    }

    /** The whole request: every line and the closing blank line, ending in {@code eol}. */
    static String request(Map<String, String> header, String eol) {
        return String.join("", headerLines(header, eol)) + eol;
    }

    /** Writes the bytes; false once the server has closed or reset the connection. */
    boolean send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Half-closes: the server reads EOF, and we can still see what it does. */
    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already closed by the server: same effect
        }
    }

    /** The next line without LF or CRLF, or null once the server closed; fails the test on timeout. */
    String readLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            while (start < end) {
                byte b = buffer[start++];
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                line.write(b);
                if (line.size() > 1 << 20) {
                    throw new AssertionError("the server sent a line longer than 1 MiB");
                }
            }
            if (!fill(deadline)) {
                return null;
            }
        }
    }

    /** Whether the server closed (or reset) the connection within {@code timeout}; data meanwhile is dropped. */
    boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                start = end;
                if (!fill(deadline)) {
                    return true;
                }
            }
        } catch (AssertionError timedOut) {
            return false;
        }
    }

    /**
     * Plays Asterisk until the server closes: each command line is answered with {@code replies}' text, sent
     * as is (so it carries its own line ends, or none).
     *
     * @return the command lines received, in order
     */
    List<String> converse(Function<String, String> replies, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> commands = new ArrayList<>();
        while (true) {
            String command = readLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (command == null) {
                return commands;
            }
            commands.add(command);
            if (!send(replies.apply(command))) {
                return commands;
            }
        }
    }

    boolean closedByServer() {
        return closed;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private boolean fill(long deadlineNanos) {
        if (closed) {
            return false;
        }
        long millis = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        if (deadlineNanos - System.nanoTime() <= 0) {
            throw new AssertionError("the server neither sent a line nor closed in time");
        }
        try {
            socket.setSoTimeout((int) Math.min(millis, Integer.MAX_VALUE));
            int read = in.read(buffer);
            if (read < 0) {
                closed = true;
                return false;
            }
            start = 0;
            end = read;
            return true;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither sent a line nor closed in time");
        } catch (SocketException e) {
            // A reset: the server closed with our bytes unread, which for us is the same as a close.
            closed = true;
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Answers commands the way Asterisk 22 does for a live channel whose caller presses {@code keys}, one per
     * WAIT FOR DIGIT; once {@link #hangUp()} is called every command gets 511, as on a dead channel.
     */
    static final class Asterisk implements Function<String, String> {
        private final String eol;
        private final Deque<Character> keys = new ArrayDeque<>();
        private boolean hungUp;

        Asterisk(String eol, String keys) {
            this.eol = eol;
            keys.chars().forEach(c -> this.keys.add((char) c));
        }

        void hangUp() {
            hungUp = true;
        }

        @Override
        public String apply(String command) {
            if (hungUp) {
                return "511 Command Not Permitted on a dead channel or intercept routine" + eol;
            }
            if (command.startsWith("WAIT FOR DIGIT")) {
                Character key = keys.poll();
                if (key == null) {
                    pace();
                    return "200 result=0" + eol;
                }
                return "200 result=" + (int) key + eol;
            }
            if (command.startsWith("STREAM FILE") || command.startsWith("RECORD FILE")) {
                return "200 result=0 endpos=8000" + eol;
            }
            if (command.startsWith("SET VARIABLE")) {
                return "200 result=1" + eol;
            }
            if (command.startsWith("CHANNEL STATUS")) {
                return "200 result=6" + eol;
            }
            return "200 result=0" + eol;
        }

        /** A hold loop polls with WAIT FOR DIGIT; a short pause keeps it from spinning. */
        private static void pace() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
