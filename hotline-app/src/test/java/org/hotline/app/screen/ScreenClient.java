package org.hotline.app.screen;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * An HTTP(S) client of the screen with its own cookie jar, speaking the forms and JSON a page would. Public for the
 * process-level suite in hotline-acceptance.
 */
public final class ScreenClient {
    public static final String SESSION = "hotline.session";
    public static final String CSRF = "XSRF-TOKEN";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    volatile URI base;

    public ScreenClient(int port) {
        this(URI.create("http://127.0.0.1:" + port), null);
    }

    /** A client of {@code base} ({@code https://...} too), trusting what {@code ssl} trusts (null: the JDK's). */
    public ScreenClient(URI base, SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(cookies);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
        this.base = base;
    }

    /**
     * Sends what follows to another server on this host, keeping the cookies: a browser whose server died
     * reaching a surviving one behind the same name.
     */
    public void useServer(int port) {
        base = URI.create(base.getScheme() + "://127.0.0.1:" + port);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A form post; with {@code withToken} the CSRF token from the cookie goes in the form, as the page does. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, boolean withToken) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (withToken) {
            all.put("X-XSRF-TOKEN", cookie(CSRF));
        }
        String body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON post; with {@code withToken} the CSRF token goes in the X-XSRF-TOKEN header, as the scripts do. */
    public HttpResponse<String> postJson(String path, String json, boolean withToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (withToken) {
            request.header("X-XSRF-TOKEN", cookie(CSRF));
        }
        return send(request);
    }

    /**
     * Opens the sign-in page (for its token) and posts the form; on success follows the redirect to the view, as a
     * browser does (which also fetches the new session's CSRF token). Answers the sign-in's own response.
     */
    public HttpResponse<String> signIn(String username, String password) {
        get("/signin");
        HttpResponse<String> response = postForm("/signin", Map.of("username", username, "password", password), true);
        if (response.statusCode() == 303) {
            HttpResponse<String> home = get(response.headers().firstValue("Location").orElse("/"));
            home.headers().firstValue("Location").ifPresent(this::get);
        }
        return response;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    /** Puts a cookie in the jar, as a browser that kept an old one would send it. */
    public void setCookie(String name, String value) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** The Cookie header a browser would send with a WebSocket upgrade. */
    public String cookieHeader() {
        return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
