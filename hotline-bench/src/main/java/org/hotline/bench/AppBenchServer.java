package org.hotline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.hotline.app.run.Hotline;
import org.hotline.core.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole hotline ({@link Hotline#start}: IVR, dispatch, HTTP with the screen and the tips API) alone in a child
 * JVM for {@code ./scripts/bench e2e}, so CPU and heap are the server's. Started by {@link ServerJvm}; not for
 * use by hand.
 *
 * <pre>{@code
 * java -cp hotline-bench.jar org.hotline.bench.AppBenchServer data=<dir> operators=<n> pool=<ours|stock> poll=<ms>
 *     [set.<setting>=<value> ...]
 * }</pre>
 *
 * <p>It adds {@code operators} synthetic operators who speak every language ({@code bench-op-<i>}, see
 * {@link BenchOperators}), prints {@code @bench ready port=<agi> http=<http> password=<pw>}, then
 * answers {@code probe} (CPU, heap in use, threads, AGI connections), {@code heap} (after full collections),
 * {@code jfr-start} and {@code jfr-stop <file>} (a JFR recording with the JDK's profile settings) and {@code quit}. With {@code pool=stock} the FastAGI call pool is re-sized after start to Asterisk-Java's
 * stock defaults: platform threads, 10 core, 500 at most, a SynchronousQueue, so call 501 at once is rejected.
 * Production code is unchanged; this reaches the pool by reflection, in this JVM only.
 */
public final class AppBenchServer {
    private static final Logger LOG = LoggerFactory.getLogger(AppBenchServer.class);
    static final int STOCK_CORE = 10;
    static final int STOCK_MAX = 500;
    private static final String USERNAME_PREFIX = "bench-op-";
    private static final String SETTING_PREFIX = "set.";

    private AppBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        PrintStream replies = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Path data = Path.of(options.get("data"));
        Map<String, String> values = new LinkedHashMap<>(Map.of(
                "data.dir", data.toString(),
                "agi.port", "0",
                "http.port", "0",
                "management.port", "0",
                "ivr.voicemail.dir", data.resolve("voicemail").toString(),
                "ivr.hold.poll", options.getOrDefault("poll", "100") + "ms",
                "report.enabled", "false"));
        // set.<key>=<value>: any hotline setting, for example the cluster's (roles, cluster.*, db.url).
        options.forEach((key, value) -> {
            if (key.startsWith(SETTING_PREFIX)) {
                values.put(key.substring(SETTING_PREFIX.length()), value);
            }
        });
        Settings settings = Settings.defaultSettings().with(values);
        Hotline hotline = Hotline.start(settings);
        String password = BenchOperators.password();
        int operators = Integer.parseInt(options.getOrDefault("operators", "50"));
        if (operators > 0) {
            BenchOperators.add(hotline.database().dsl(), USERNAME_PREFIX, operators, 2000, password);
        }
        if ("stock".equals(options.get("pool"))) {
            stockPool(hotline);
        }
        LOG.info("Hotline bench server ready: {} operators, pool {}", operators, options.getOrDefault("pool", "ours"));
        Map<String, String> info = Map.of("ready", "yes", "port", String.valueOf(hotline.agiPort()),
                "http", String.valueOf(hotline.httpPort()), "password", password);
        reply(replies, info);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String request;
        Recording recording = null;
        while ((request = requests.readLine()) != null) {
            switch (request.trim()) {
                case "probe" -> {
                    Map<String, String> figures = new LinkedHashMap<>();
                    figures.put("cpu", String.valueOf(HeapProbe.cpuNanos()));
                    Runtime runtime = Runtime.getRuntime();
                    figures.put("heapUsed", String.valueOf(runtime.totalMemory() - runtime.freeMemory()));
                    figures.put("threads", String.valueOf(Thread.activeCount()));
                    figures.put("agiOpen", String.valueOf(hotline.openAgiConnections()));
                    reply(replies, figures);
                }
                case "heap" -> reply(replies, HeapProbe.afterGc());
                case "jfr-start" -> {
                    if (recording != null) {
                        recording.close();
                    }
                    recording = new Recording(Configuration.getConfiguration("profile"));
                    recording.start();
                    reply(replies, Map.of("jfr", "started"));
                }
                case "info" -> reply(replies, info);
                case "quit" -> {
                    reply(replies, Map.of("bye", "yes"));
                    System.exit(0);
                }
                default -> {
                    if (request.startsWith("jfr-stop ") && recording != null) {
                        // Dumped where the bench asked (its own target/bench directory), then closed.
                        recording.dump(Path.of(request.substring("jfr-stop ".length()).trim()));
                        recording.close();
                        recording = null;
                        reply(replies, Map.of("jfr", "written"));
                    } else {
                        reply(replies, Map.of("error", "unknown-request"));
                    }
                }
            }
        }
        System.exit(0);
    }

    static String username(int i) {
        return USERNAME_PREFIX + i;
    }

    /** Asterisk-Java's DefaultAgiServer pool as shipped, swapped into our running server's executor. */
    private static void stockPool(Hotline hotline) throws ReflectiveOperationException {
        Object agi = field(hotline, "agi");
        Object server = field(agi, "server");
        Method getPool = null;
        for (Class<?> type = server.getClass(); type != null && getPool == null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals("getPool") && method.getParameterCount() == 0) {
                    getPool = method;
                }
            }
        }
        if (getPool == null) {
            throw new IllegalStateException("no getPool() on " + server.getClass());
        }
        getPool.setAccessible(true);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) getPool.invoke(server);
        pool.setThreadFactory(Thread.ofPlatform().name("stock-agi-", 0).daemon().factory());
        pool.setMaximumPoolSize(STOCK_MAX);
        pool.setCorePoolSize(STOCK_CORE);
        pool.setKeepAliveTime(60, TimeUnit.SECONDS);
        LOG.info("FastAGI pool set to the stock ceiling: platform threads, {} core, {} max, SynchronousQueue",
                STOCK_CORE, STOCK_MAX);
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }

    private static void reply(PrintStream out, Map<String, String> figures) {
        out.println(AgiBenchServer.REPLY + figures.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }
}
