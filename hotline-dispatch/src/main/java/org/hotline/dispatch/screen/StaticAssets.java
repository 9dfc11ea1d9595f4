package org.hotline.dispatch.screen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The screen's static files, cached by content hash. At start-up every file under the classpath's
 * {@code webroot/static} is read, and every reference to another of them (an HTML page's {@code src} and
 * {@code href}, a module's {@code import ... from './x.js'}) is given its content hash: {@code /static/x.js?v=<hash>}.
 * A module's hash covers the hashes of what it imports, so a changed file changes the URL of every page and module
 * that leads to it. A request with the current hash is answered {@code public, max-age=31536000, immutable}, so a
 * second load of a screen fetches no script at all; anything else is {@code no-cache} (revalidated by ETag). Pages
 * are {@code no-cache} and rewritten the same way whatever their file, so a page another feature adds needs no list.
 * The files, the pages and the rewriting are computed once; nothing here reads a disk per request.
 */
public final class StaticAssets {
    /** Where the files are served from. */
    public static final String PREFIX = "/static/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final String ROOT = "webroot/static";
    /** {@code src="/static/x.js"} and {@code href="/static/x.css"} in a page. */
    private static final Pattern PAGE_REFERENCE = Pattern.compile("(src|href)=\"/static/([A-Za-z0-9_./-]+)\"");
    /** {@code './x.js'} or {@code '/static/x.js'} in a module: its imports. */
    private static final Pattern MODULE_REFERENCE = Pattern.compile("(['\"])(\\./|/static/)([A-Za-z0-9_.-]+\\.js)\\1");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "html", "text/html; charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "wav", "audio/wav", "json", "application/json");
    private static volatile StaticAssets shared;

    private final Map<String, byte[]> raw;
    private final Map<String, Asset> assets = new HashMap<>();
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    /** One served file: its body (references already hashed), its type and its hash. */
    private record Asset(Buffer body, String type, String hash) {
    }

    StaticAssets(Map<String, byte[]> files) {
        this.raw = Map.copyOf(files);
        for (String name : raw.keySet()) {
            hash(name, new HashSet<>());
        }
    }

    /** The files of this build, read from the classpath once. */
    public static StaticAssets shared() {
        StaticAssets assets = shared;
        if (assets == null) {
            synchronized (StaticAssets.class) {
                if (shared == null) {
                    shared = new StaticAssets(readClasspath());
                }
                assets = shared;
            }
        }
        return assets;
    }

    /** The versioned URL of a static file, or null when there is no such file. */
    String url(String name) {
        Asset asset = assets.get(name);
        return asset == null ? null : PREFIX + name + "?v=" + asset.hash();
    }

    /** {@code html} with every {@code /static/} reference to a known file given its hash. */
    public String rewrite(String html) {
        Matcher reference = PAGE_REFERENCE.matcher(html);
        return reference.replaceAll(match -> {
            String url = url(match.group(2));
            return Matcher.quoteReplacement(url == null ? match.group() : match.group(1) + "=\"" + url + "\"");
        });
    }

    /**
     * Sends the page {@code webroot/<file>} with its static references hashed: {@code no-cache} (the page is the one
     * thing a browser asks for again), compressed when the browser accepts it.
     */
    public void sendPage(RoutingContext context, String file) {
        String page = pages.computeIfAbsent(file, f -> rewrite(new String(read("webroot/" + f),
                StandardCharsets.UTF_8)));
        Compression.allow(context);
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, TYPES.get("html"))
                .putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE).end(page);
    }

    /**
     * The {@code /static/*} handler, counting the requests that reach the server by kind of file
     * ({@code hotline_screen_static_requests_total{type="js"}}): with hashed URLs a screen loaded again asks for none.
     */
    Handler<RoutingContext> handler(MeterRegistry registry) {
        Map<String, Counter> requests = new HashMap<>();
        for (String type : new String[] {"js", "css", "other"}) {
            requests.put(type, Counter.builder("hotline.screen.static.requests").tag("type", type)
                    .description("Requests for the screen's static files that reached the server").register(registry));
        }
        return context -> {
            String path = context.normalizedPath();
            String type = path.endsWith(".js") ? "js" : path.endsWith(".css") ? "css" : "other";
            requests.get(type).increment();
            serve(context);
        };
    }

    /** GET and HEAD {@code /static/*}: a known file, else on to the router's 404. */
    void serve(RoutingContext context) {
        String name = context.normalizedPath().substring(PREFIX.length());
        Asset asset = assets.get(name);
        if (asset == null || (context.request().method() != HttpMethod.GET
                && context.request().method() != HttpMethod.HEAD)) {
            context.next();
            return;
        }
        String etag = "\"" + asset.hash() + "\"";
        boolean current = asset.hash().equals(context.request().getParam("v"));
        Compression.allow(context);
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, asset.type())
                .putHeader(HttpHeaders.CACHE_CONTROL, current ? IMMUTABLE : REVALIDATE)
                .putHeader(HttpHeaders.ETAG, etag);
        if (etag.equals(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            context.response().setStatusCode(304).end();
        } else if (context.request().method() == HttpMethod.HEAD) {
            context.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(asset.body().length())).end();
        } else {
            context.response().end(asset.body());
        }
    }

    /** Computes (once) the hash of {@code name}, after those of the modules it imports. */
    private String hash(String name, Set<String> visiting) {
        Asset done = assets.get(name);
        if (done != null) {
            return done.hash();
        }
        byte[] content = raw.get(name);
        if (!visiting.add(name)) {
            return digest(content); // an import cycle: the file's own bytes still change with it
        }
        String extension = name.substring(name.lastIndexOf('.') + 1);
        byte[] body = content;
        if (extension.equals("js")) {
            Matcher reference = MODULE_REFERENCE.matcher(new String(content, StandardCharsets.UTF_8));
            body = reference.replaceAll(match -> {
                String target = match.group(3);
                if (!raw.containsKey(target)) {
                    return Matcher.quoteReplacement(match.group());
                }
                String quote = match.group(1);
                return Matcher.quoteReplacement(quote + match.group(2) + target + "?v=" + hash(target, visiting)
                        + quote);
            }).getBytes(StandardCharsets.UTF_8);
        } else if (extension.equals("html")) {
            body = rewrite(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        Asset asset = new Asset(Buffer.buffer(body), TYPES.getOrDefault(extension, "application/octet-stream"),
                digest(body));
        assets.put(name, asset);
        return asset.hash();
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code webroot/static}, from a directory (development) or from the jar. */
    private static Map<String, byte[]> readClasspath() {
        URL root = StaticAssets.class.getClassLoader().getResource(ROOT);
        if (root == null) {
            return Map.of();
        }
        try {
            URI uri = root.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return readTree(jar.getPath(ROOT));
            }
            return readTree(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("The screen's static files cannot be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readTree(Path root) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                if (!name.startsWith(".") && !name.contains("/.")) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
