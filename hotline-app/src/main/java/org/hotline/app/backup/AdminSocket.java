package org.hotline.app.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.hotline.core.StartupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running hotline's local admin door: a Unix socket, {@code <data dir>/admin.sock}, through which
 * {@code hotline backup} asks the running process for an online backup (the embedded database allows one process),
 * and whose answer tells {@code hotline restore} that a hotline is running. Only the hotline's own user can reach
 * it: the data directory is owner-only. One request per connection: a command word, then one answer line,
 * {@code ok <sentence>} or {@code error <sentence>}.
 */
public final class AdminSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminSocket.class);
    static final String FILE = "admin.sock";
    private static final int LONGEST_COMMAND = 64;

    private final ServerSocketChannel server;
    private final Path file;
    private final BackupMaker maker;
    /** Further commands other features answer (the pseudonym key rotation), by command word. */
    private final Map<String, Supplier<String>> answers = new ConcurrentHashMap<>();

    private AdminSocket(ServerSocketChannel server, Path file, BackupMaker maker) {
        this.server = server;
        this.file = file;
        this.maker = maker;
    }

    /** Listens on the data directory's socket; a stale one (left by a killed process) is replaced. */
    public static AdminSocket open(Path dataDir, BackupMaker maker) {
        Path file = dataDir.resolve(FILE);
        try {
            // This process holds the data directory (its database lock, or a checked port): a socket file here is
            // a killed predecessor's.
            Files.deleteIfExists(file);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            // The owner-only data directory already keeps others out; the socket itself follows its rule too.
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            AdminSocket socket = new AdminSocket(server, file, maker);
            Thread.ofVirtual().name("admin-socket").start(socket::serve);
            return socket;
        } catch (IOException | RuntimeException e) {
            // Not worth stopping a hotline for (a data directory path too long for a Unix socket, say): without it
            // the nightly backup still runs, and `hotline backup` says the database is in use.
            LOG.warn("No admin socket at {} ({}): `hotline backup` cannot reach this running hotline; the nightly "
                    + "backup still runs. A shorter HOTLINE_DATA_DIR on a local file system fixes it.", file,
                    e.toString());
            return new AdminSocket(null, file, maker);
        }
    }

    /**
     * Answers {@code command} with {@code answer}, which runs on the request's virtual thread and returns
     * {@code ok <sentence>} or {@code error <sentence>}.
     */
    public void answer(String command, Supplier<String> answer) {
        answers.put(command, answer);
    }

    /** Sends {@code command} to the hotline running on {@code dataDir}; empty when none answers. */
    public static Optional<String> ask(Path dataDir, String command) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(file))) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            String answer = reader.readLine();
            return Optional.of(answer == null ? "error The running hotline closed the connection without an answer."
                    : answer);
        } catch (IOException e) {
            return Optional.empty(); // nobody listening: a stale socket file
        }
    }

    /** Whether a hotline answers on {@code dataDir}'s socket. */
    static boolean answers(Path dataDir) {
        return ask(dataDir, "ping").isPresent();
    }

    private void serve() {
        while (server != null && server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().name("admin-request").start(() -> handle(client));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("The admin socket stopped accepting: {}", e.toString());
                }
                return;
            }
        }
    }

    private void handle(SocketChannel client) {
        try (client) {
            String command = readLine(client);
            String answer = switch (command) {
                case "ping" -> "ok running";
                case "backup" -> backup();
                default -> answers.getOrDefault(command, () -> "error Unknown admin command.").get();
            };
            client.write(ByteBuffer.wrap((answer + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.debug("An admin request failed: {}", e.toString());
        }
    }

    private String backup() {
        try {
            return "ok " + maker.make("command-line").sentence();
        } catch (StartupException e) {
            return "error " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("The backup failed", e);
            return "error The backup failed (" + e + "); the hotline's log has the details.";
        }
    }

    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(LONGEST_COMMAND);
        while (buffer.hasRemaining()) {
            if (client.read(buffer) < 0) {
                break;
            }
            if (buffer.position() > 0 && buffer.get(buffer.position() - 1) == '\n') {
                break;
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    @Override
    public void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("The admin socket {} could not be closed: {}", file, e.toString());
        }
    }
}
