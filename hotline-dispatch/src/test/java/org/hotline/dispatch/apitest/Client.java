package org.hotline.dispatch.apitest;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One browser, in effect: an HTTP client holding one session cookie. Blocking, for test threads. */
public final class Client {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private volatile String cookie;

    Client(int port) {
        this.port = port;
    }

    void cookie(String cookie) {
        this.cookie = cookie;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, JsonObject body) {
        return post(path, body.encode());
    }

    public Reply post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply put(String path, JsonObject body) {
        return put(path, body.encode());
    }

    public Reply put(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw request path, sent as given (no normalisation), for path-traversal attempts. */
    public Reply getRaw(String rawPath) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + rawPath))
                .timeout(Duration.ofSeconds(30)).header("Cookie", cookie == null ? "" : cookie).GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response, with its body read as JSON on demand. */
    public record Reply(int status, String body, HttpResponse<String> response) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray array() {
            return new JsonArray(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
