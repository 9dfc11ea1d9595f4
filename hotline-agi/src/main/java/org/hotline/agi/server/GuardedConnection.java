package org.hotline.agi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI socket with the limits Asterisk-Java lacks: the whole request header must arrive before a
 * deadline (a slow client sending a byte every few seconds is cut off), header lines are counted and
 * checked, every line is bounded in length, and a peer that floods replies without being asked, or stops
 * answering for longer than the reply timeout, is dropped.
 * Outgoing commands are stripped of control characters so nothing we send can split into two commands.
 *
 * <p>A refusal logs a warning line naming the Asterisk host and the rule broken, never the content (one per reason
 * per interval under a flood: {@link RefusalLog}).
 */
final class GuardedConnection implements SocketConnectionFacade {
    /** Asterisk's longest legitimate reply is a 520 usage block of a few dozen lines. */
    private static final int MAX_LINES_PER_REPLY = 200;
    private static final Pattern HEADER_LINE = Pattern.compile("agi_[a-z0-9_]{1,40}: .*|agi_[a-z0-9_]{1,40}:");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Limits limits;
    private final ConnectionWatcher watcher;
    private final RefusalLog refusals;
    /**
     * When the whole header must have arrived. Set at the first read, not at accept: in a burst our own
     * scheduling delay must not count against Asterisk, while a slow client is still cut off once we listen.
     */
    private long headerDeadline;
    private final byte[] buffer = new byte[4096];
    private final Set<String> headerKeys = new HashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int position;
    private int limit;
    private boolean inHeader = true;
    private int linesSinceWrite;

    /** The limits applied to every connection. */
    record Limits(long headerTimeoutMillis, int maxHeaderLines, int maxLineLength, int replyTimeoutMillis) {
    }

    GuardedConnection(Socket socket, Limits limits, ConnectionWatcher watcher, RefusalLog refusals)
            throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.limits = limits;
        this.watcher = watcher;
        this.refusals = refusals;
        watcher.opened();
    }

    @Override
    public String readLine() throws IOException {
        if (!inHeader && ++linesSinceWrite > MAX_LINES_PER_REPLY) {
            throw refuse(RefusalReason.REPLY_FLOOD, "more than " + MAX_LINES_PER_REPLY + " reply lines to one command");
        }
        byte[] line = readRawLine();
        if (line == null) {
            if (inHeader) {
                throw refuse(RefusalReason.EOF_IN_HEADER, "connection closed before the end of the request header");
            }
            return null;
        }
        String text = decode(line);
        if (inHeader) {
            checkHeaderLine(text);
        }
        return text;
    }

    private void checkHeaderLine(String text) throws ConnectionRefused {
        if (text.isEmpty()) {
            inHeader = false;
            return;
        }
        if (headerKeys.size() >= limits.maxHeaderLines()) {
            throw refuse(RefusalReason.TOO_MANY_HEADER_LINES,
                    "more than " + limits.maxHeaderLines() + " request header lines");
        }
        if (text.indexOf('\0') >= 0 || !HEADER_LINE.matcher(text).matches()) {
            throw refuse(RefusalReason.MALFORMED_HEADER, "a request header line is not an agi_ variable");
        }
        String key = text.substring(0, text.indexOf(':'));
        if (!headerKeys.add(key)) {
            throw refuse(RefusalReason.MALFORMED_HEADER, "the request header repeats a variable");
        }
    }

    /** Reads up to '\n' (dropping one trailing '\r'); null at EOF before any byte. */
    private byte[] readRawLine() throws IOException {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(128);
        while (true) {
            if (position == limit && !fill()) {
                return line.size() == 0 ? null : stripCarriageReturn(line.toByteArray());
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return stripCarriageReturn(line.toByteArray());
            }
            if (line.size() >= limits.maxLineLength()) {
                throw refuse(RefusalReason.LINE_TOO_LONG, "a line longer than " + limits.maxLineLength() + " bytes");
            }
            line.write(b);
        }
    }

    private boolean fill() throws IOException {
        int timeout;
        if (inHeader) {
            if (headerDeadline == 0) {
                headerDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.headerTimeoutMillis());
            }
            long remaining = TimeUnit.NANOSECONDS.toMillis(headerDeadline - System.nanoTime());
            if (remaining <= 0) {
                throw refuse(RefusalReason.HEADER_TIMEOUT, "the request header did not arrive in time");
            }
            timeout = (int) Math.min(remaining, Integer.MAX_VALUE);
        } else {
            timeout = limits.replyTimeoutMillis();
        }
        socket.setSoTimeout(timeout);
        int read;
        try {
            read = in.read(buffer);
        } catch (SocketTimeoutException e) {
            if (inHeader) {
                throw refuse(RefusalReason.HEADER_TIMEOUT, "the request header did not arrive in time");
            }
            throw refuse(RefusalReason.REPLY_TIMEOUT, "no reply from Asterisk within " + timeout + " ms");
        }
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    private static byte[] stripCarriageReturn(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }

    /** Invalid UTF-8 becomes U+FFFD: the String constructor replaces malformed input, never throws. */
    private static String decode(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    private ConnectionRefused refuse(RefusalReason reason, String message) {
        refusals.refused(reason, "FastAGI connection from {} closed: {}", socket.getInetAddress().getHostAddress(),
                message);
        watcher.refused(reason);
        // Closed now, not when the script ends: the script still sends AJ_AGISTATUS and reads a reply, which
        // on a live socket would read more of the same flood and refuse (and log) it a second time.
        try {
            close();
        } catch (IOException e) {
            // The refusal is what matters; the socket is gone either way.
        }
        ConnectionRefused.markThisThread();
        return new ConnectionRefused(reason, message);
    }

    @Override
    public void write(String s) throws IOException {
        linesSinceWrite = 0;
        out.write(withoutControlCharacters(s).getBytes(StandardCharsets.UTF_8));
    }

    /** Keeps a single trailing newline; every other control character could split or corrupt a command. */
    static String withoutControlCharacters(String s) {
        int end = s.endsWith("\n") ? s.length() - 1 : s.length();
        if (!hasControlCharacter(s, end)) {
            return s;
        }
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                clean.append(c);
            }
        }
        return end < s.length() ? clean.append('\n').toString() : clean.toString();
    }

    private static boolean hasControlCharacter(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (isControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } finally {
                watcher.closed();
            }
        }
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected() && !socket.isClosed();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getInetAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getPort();
    }
}
