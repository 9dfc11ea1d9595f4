package org.hotline.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A hand-written FastAGI server, for behaviour Asterisk-Java will not produce: going silent, closing
 * mid-command, reading the raw reply lines. Every connection gets the same conversation.
 */
final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with an accepted connection. */
    @FunctionalInterface
    interface Conversation {
        void run(Wire wire) throws Exception;
    }

    /** The accepted connection, line by line. */
    static final class Wire {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Wire(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            this.out = socket.getOutputStream();
        }

        /** Reads the header up to its empty line. */
        List<String> readHeader() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                lines.add(line);
            }
            return lines;
        }

        String readLine() throws IOException {
            return in.readLine();
        }

        void send(String line) throws IOException {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        void close() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket serverSocket;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private ScriptedPeer(Conversation conversation) throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    Socket socket = serverSocket.accept();
                    Thread.ofVirtual().start(() -> converse(conversation, socket));
                } catch (IOException e) {
                    // Closed by close(): stop accepting.
                }
            }
        });
    }

    private void converse(Conversation conversation, Socket socket) {
        try (socket) {
            conversation.run(new Wire(socket));
            done.complete(null);
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    static ScriptedPeer serve(Conversation conversation) {
        try {
            return new ScriptedPeer(conversation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Completes when the first conversation returns; fails with whatever it threw. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
