package org.hotline.app.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline.dispatch.screen.SecurityHeaders;

/**
 * The HTTP server: a liveness {@code /health} and the features' routes (the dispatch screen, reports). The metrics
 * and the detailed health are on the management port ({@link ManagementServerVerticle}).
 * It speaks HTTPS when {@link HttpConfig#tls()} names a certificate and key. Its start future completes only once
 * the port is bound, so a port in use or an unreadable certificate fails the deployment.
 */
public final class HttpServerVerticle extends VerticleBase {
    private final HttpConfig config;
    private final java.util.List<java.util.function.Consumer<Router>> mounts;
    private HttpServer server;

    /**
     * @param mounts the features' routes (the dispatch screen, reports), added after the liveness answer
     */
    public HttpServerVerticle(HttpConfig config, java.util.List<java.util.function.Consumer<Router>> mounts) {
        this.config = config;
        this.mounts = java.util.List.copyOf(mounts);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(HttpServerVerticle::alive);
        mounts.forEach(mount -> mount.accept(router));
        return vertx.createHttpServer(options())
                .requestHandler(router)
                .invalidRequestHandler(this::invalid)
                .listen(config.port(), config.bind())
                .onSuccess(bound -> server = bound);
    }

    /**
     * A request the router never sees (malformed, its URI or headers too long) is answered by Vert.x itself; its
     * 400, 414 or 431 carries the same security headers as every other response (HSTS when this listener speaks
     * TLS; behind a TLS proxy, the proxy answers malformed requests itself).
     */
    private void invalid(HttpServerRequest request) {
        SecurityHeaders.apply(request.response().headers(), config.https());
        HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    }

    private HttpServerOptions options() {
        // gzip when the browser asks; the screen's routes leave only static files and pages compressible (BREACH).
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certFile().toString()).setKeyPath(tls.keyFile().toString())));
        return options;
    }

    /** The port actually bound. */
    public int port() {
        return server.actualPort();
    }

    /**
     * The screen port's liveness answer: this server answers, nothing more. Which part is down, and the metrics,
     * are on the management port ({@link ManagementServerVerticle}), off the public surface.
     */
    private static void alive(RoutingContext context) {
        context.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("status", "up").encode());
    }
}
