package org.hotline.agi.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import org.asteriskjava.util.ServerSocketFacade;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The listening socket. It closes connections from hosts outside the allowlist on the accept thread,
 * before any byte is read, and wraps the rest in a {@link GuardedConnection}.
 */
final class GuardedServerSocket implements ServerSocketFacade {
    private static final int BACKLOG = 1024;

    private final ServerSocket serverSocket;
    private final Set<java.net.InetAddress> allowedHosts;
    private final GuardedConnection.Limits limits;
    private final ConnectionWatcher watcher;
    private final RefusalLog refusals;

    GuardedServerSocket(AgiServerConfig config, ConnectionWatcher watcher, RefusalLog refusals) throws IOException {
        this.allowedHosts = config.allowedHosts();
        this.limits = new GuardedConnection.Limits(config.headerTimeout().toMillis(), config.maxHeaderLines(),
                config.maxLineLength(), (int) Math.min(config.replyTimeout().toMillis(), Integer.MAX_VALUE));
        this.watcher = watcher;
        this.refusals = refusals;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        try {
            serverSocket.bind(new InetSocketAddress(config.bind(), config.port()), BACKLOG);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
    }

    int boundPort() {
        return serverSocket.getLocalPort();
    }

    @Override
    public SocketConnectionFacade accept() throws IOException {
        while (true) {
            Socket socket = serverSocket.accept();
            if (allowedHosts.contains(socket.getInetAddress())) {
                socket.setTcpNoDelay(true);
                return new GuardedConnection(socket, limits, watcher, refusals);
            }
            // Refused before reading a byte: FastAGI has no authentication, so the allowlist is the gate.
            refusals.refused(RefusalReason.HOST_NOT_ALLOWED,
                    "FastAGI connection from {} refused: host is not in agi.allowed-hosts",
                    socket.getInetAddress().getHostAddress());
            watcher.refused(RefusalReason.HOST_NOT_ALLOWED);
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }

    @Override
    public void setSocketReadTimeout(int socketReadTimeout) {
        // Timeouts are set per read by GuardedConnection.
    }
}
