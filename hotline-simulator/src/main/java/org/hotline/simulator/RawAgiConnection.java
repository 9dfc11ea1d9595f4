package org.hotline.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A bare TCP connection to a FastAGI server, for sending it what no Asterisk would: endless headers, NUL
 * bytes, a line trickled byte by byte. Nothing is added or checked; it is up to the test.
 *
 * <pre>{@code
 * try (RawAgiConnection raw = RawAgiConnection.connect("127.0.0.1", port)) {
 *     raw.sendLine("agi_network: yes");
 *     raw.send(new byte[] {0, 0, 0});
 *     assertThat(raw.awaitClosed(Duration.ofSeconds(5))).isTrue();
 * }
 * }</pre>
 */
public final class RawAgiConnection implements AutoCloseable {
    private static final long CONNECT_TIMEOUT_MILLIS = 5_000;

    private final LineSocket socket;

    private RawAgiConnection(LineSocket socket) {
        this.socket = socket;
    }

    /**
     * Connects to {@code host:port}.
     *
     * @throws UncheckedIOException if nothing accepts the connection within 5 s
     */
    public static RawAgiConnection connect(String host, int port) {
        try {
            return new RawAgiConnection(LineSocket.connect(host, port, CONNECT_TIMEOUT_MILLIS));
        } catch (IOException e) {
            throw new UncheckedIOException("could not connect to " + host + ":" + port, e);
        }
    }

    /**
     * Writes the bytes as they are.
     *
     * @return false if the server had already closed (or reset) the connection, so they could not all be sent
     */
    public boolean send(byte[] bytes) {
        try {
            socket.write(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes {@code line} in UTF-8 followed by a bare LF. */
    public boolean sendLine(String line) {
        return send((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The next line the server sends, without its LF or CRLF.
     *
     * @return the line, or {@code null} if the server closed the connection
     * @throws UncheckedIOException if no line arrives within {@code timeout}
     */
    public String readLine(Duration timeout) {
        try {
            return socket.readLine(System.nanoTime() + timeout.toNanos());
        } catch (SocketTimeoutException e) {
            throw new UncheckedIOException("no line from the server within " + timeout, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits for the server to close the connection, throwing away anything it sends meanwhile.
     *
     * @return whether the server closed it within {@code timeout}
     */
    public boolean awaitClosed(Duration timeout) {
        try {
            return socket.awaitClosed(System.nanoTime() + timeout.toNanos(), true);
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes our end; safe to call more than once. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to do: the connection is gone either way.
        }
    }
}
