package org.hotline.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * One person's HTTP conversation with the dispatch screen, as a browser holds it: a cookie jar (session cookie and
 * CSRF cookie, updated from every response), the real sign-in form with its CSRF token, and JSON posts carrying
 * the token in {@code X-XSRF-TOKEN} as the screen's scripts do.
 *
 * <p>The JDK client is shared by every simulated operator (one selector thread, a keep-alive pool), so the jar is
 * kept here, per person, and sent by hand: a cookie handler on the client would be shared by all of them.
 */
final class ScreenHttp {
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final int port;
    private final URI base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();

    ScreenHttp(HttpClient client, int port) {
        this.client = client;
        this.port = port;
        this.base = URI.create(origin(port));
    }

    /** The client every simulated operator shares: HTTP/1.1, as the screen's browsers speak it. */
    static HttpClient sharedClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    int port() {
        return port;
    }

    String origin() {
        return origin(port);
    }

    private static String origin(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Signs in through the form, follows the redirects as a browser does, and answers {@code /api/session}. */
    JsonObject signIn(String username, String password) throws IOException, InterruptedException {
        send(get("/signin"));
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&" + CSRF_HEADER + "="
                + encode(cookies.getOrDefault(CSRF_COOKIE, ""));
        HttpResponse<String> reply = send(request("/signin").header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (reply.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + reply.statusCode());
        }
        String location = reply.headers().firstValue("Location").orElse(null);
        for (int hops = 0; location != null && hops < 3; hops++) {
            HttpResponse<String> page = send(get(location));
            location = page.statusCode() / 100 == 3 ? page.headers().firstValue("Location").orElse(null) : null;
        }
        HttpResponse<String> session = send(get("/api/session"));
        if (session.statusCode() != 200) {
            throw new IllegalStateException("/api/session answered " + session.statusCode());
        }
        return new JsonObject(session.body());
    }

    /** A JSON post as the screen's scripts make it; completes with the status once the body is read. */
    CompletableFuture<Integer> postJson(String path, JsonObject body) {
        HttpRequest request = request(path).header("Content-Type", "application/json")
                .header(CSRF_HEADER, cookies.getOrDefault(CSRF_COOKIE, ""))
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            remember(response);
            return response.statusCode();
        });
    }

    /** The Cookie header a browser would send with the WebSocket upgrade. */
    String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    HttpClient client() {
        return client;
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Origin", origin());
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookieHeader());
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        remember(response);
        return response;
    }

    private void remember(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                if (value.isEmpty() || expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
