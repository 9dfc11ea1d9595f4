package org.hotline.simulator;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A client socket read line by line against deadlines. Its own buffer (rather than a BufferedReader) lets
 * it wait for the peer to close without losing bytes that arrive meanwhile, and treats a reset like a close,
 * because to a caller both mean the server has gone.
 */
final class LineSocket implements Closeable {
    /** Far above anything a FastAGI server sends; stops a runaway peer from filling the heap. */
    private static final int MAX_BUFFERED = 1 << 20;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;
    /** Where the search for the next line end resumes, so a long line is not rescanned on every read. */
    private int scanned;
    private boolean eof;

    private LineSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static LineSocket connect(String host, int port, long timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), Math.clamp(timeoutMillis, 1, Integer.MAX_VALUE));
            return new LineSocket(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The next line without its LF or CRLF, or {@code null} once the peer has closed (a trailing partial line
     * is dropped, as Asterisk would never act on it).
     *
     * @throws SocketTimeoutException if no full line arrives before {@code deadlineNanos}
     */
    String readLine(long deadlineNanos) throws IOException {
        while (true) {
            int newline = indexOfNewline();
            if (newline >= 0) {
                int length = newline - start;
                if (length > 0 && buffer[newline - 1] == '\r') {
                    length--;
                }
                String line = new String(buffer, start, length, StandardCharsets.UTF_8);
                start = newline + 1;
                scanned = start;
                return line;
            }
            if (eof) {
                return null;
            }
            long millis = remainingMillis(deadlineNanos);
            if (millis <= 0) {
                throw new SocketTimeoutException("no line before the deadline");
            }
            fill(millis);
        }
    }

    /**
     * Waits until {@code deadlineNanos} for the peer to close. Bytes that arrive meanwhile are kept for
     * {@link #readLine}, or thrown away if {@code discard} is set.
     *
     * @return whether the peer closed before the deadline
     */
    boolean awaitClosed(long deadlineNanos, boolean discard) throws IOException {
        while (!eof) {
            long millis = remainingMillis(deadlineNanos);
            if (millis <= 0) {
                return false;
            }
            if (discard) {
                start = 0;
                end = 0;
                scanned = 0;
            }
            try {
                fill(millis);
            } catch (SocketTimeoutException e) {
                return false;
            }
        }
        return true;
    }

    boolean peerClosed() {
        return eof;
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void write(String text) throws IOException {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void fill(long millis) throws IOException {
        if (end == buffer.length) {
            compactOrGrow();
        }
        socket.setSoTimeout(Math.clamp(millis, 1, Integer.MAX_VALUE));
        int read;
        try {
            read = in.read(buffer, end, buffer.length - end);
        } catch (SocketException e) {
            // A reset (or our own close) ends the conversation just like an orderly close.
            read = -1;
        }
        if (read < 0) {
            eof = true;
        } else {
            end += read;
        }
    }

    private void compactOrGrow() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        } else if (buffer.length >= MAX_BUFFERED) {
            throw new IOException("the peer sent more than " + MAX_BUFFERED + " bytes without a line end");
        } else {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    private int indexOfNewline() {
        for (int i = Math.max(start, scanned); i < end; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        scanned = end;
        return -1;
    }

    private static long remainingMillis(long deadlineNanos) {
        long nanos = deadlineNanos - System.nanoTime();
        // Round up, so that a wait of a few microseconds still waits instead of spinning.
        return nanos <= 0 ? 0 : (nanos + 999_999) / 1_000_000;
    }
}
