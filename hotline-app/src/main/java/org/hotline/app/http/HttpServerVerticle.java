package org.hotline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
 * The HTTP server: {@code /health}, {@code /metrics}, and the features' routes (the dispatch screen, reports).
 * It speaks HTTPS when {@link HttpConfig#tls()} names a certificate and key. Its start future completes only once
 * the port is bound, so a port in use or an unreadable certificate fails the deployment.
 */
public final class HttpServerVerticle extends VerticleBase {
    private final HttpConfig config;
    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private final java.util.List<java.util.function.Consumer<Router>> mounts;
    private HttpServer server;

    /**
     * @param mounts the features' routes (the dispatch screen, reports), added after health and metrics
     */
    public HttpServerVerticle(HttpConfig config, HealthCheck health, PrometheusMeterRegistry registry,
                              java.util.List<java.util.function.Consumer<Router>> mounts) {
        this.config = config;
        this.health = health;
        this.registry = registry;
        this.mounts = java.util.List.copyOf(mounts);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
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
        HttpServerOptions options = new HttpServerOptions();
        config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
                .setCertPath(tls.certFile().toString()).setKeyPath(tls.keyFile().toString())));
        return options;
    }

    /** The port actually bound. */
    public int port() {
        return server.actualPort();
    }

    private void health(RoutingContext context) {
        // The database probe is JDBC, so it runs on a worker thread, never on this event loop.
        vertx.executeBlocking(() -> health.database().getAsBoolean(), false).onComplete(result -> {
            boolean database = result.succeeded() && result.result();
            boolean telephony = health.telephony().getAsBoolean();
            boolean up = database && telephony;
            JsonObject body = new JsonObject()
                    .put("status", up ? "up" : "degraded")
                    .put("database", database ? "up" : "down")
                    .put("fastagi", telephony ? "up" : "down")
                    .put("http", "up");
            context.response().setStatusCode(up ? 200 : 503)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store")
                    .end(body.encode());
        });
    }

    private void metrics(RoutingContext context) {
        vertx.executeBlocking(registry::scrape, false).onComplete(result -> {
            if (result.failed()) {
                context.fail(result.cause());
                return;
            }
            context.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                    .end(result.result());
        });
    }
}
