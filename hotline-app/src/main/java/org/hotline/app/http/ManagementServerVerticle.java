package org.hotline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The management server: {@code GET /metrics} (Prometheus text) and {@code GET /health} (which part is down), on
 * {@code management.host}:{@code management.port}, loopback by default. Neither is on the screen's port: the
 * metrics show live operator coverage per language, which is nobody's business outside the server. Its start future
 * completes only once the port is bound, so a port in use fails the start.
 */
public final class ManagementServerVerticle extends VerticleBase {
    private final ManagementConfig config;
    private final HealthCheck health;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;

    public ManagementServerVerticle(ManagementConfig config, HealthCheck health, PrometheusMeterRegistry registry) {
        this.config = config;
        this.health = health;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.get("/health").handler(this::health);
        router.get("/metrics").handler(this::metrics);
        return vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host())
                .onSuccess(bound -> server = bound);
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
                    .putHeader("Cache-Control", "no-store")
                    .end(result.result());
        });
    }
}
