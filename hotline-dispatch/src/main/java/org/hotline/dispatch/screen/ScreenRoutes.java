package org.hotline.dispatch.screen;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CSRFHandler;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.nio.file.Path;
import org.hotline.core.storage.SecretFile;
import org.hotline.core.i18n.Bundles;
import org.hotline.core.i18n.Messages;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatch screen on the application's router: security headers on every response, then for everything
 * mounted after it (including the tips API under {@code /api/}) a body limit, the HTTP session, the absolute
 * session timeout and CSRF protection of every POST, PUT, DELETE and PATCH; then the sign-in and sign-out forms,
 * the operator and manager pages, {@code /api/session}, the static scripts and styles, and the event-bus bridge
 * at {@code /eventbus}.
 *
 * <p>Mount it before any route that needs a session; {@link SignedIn#require} then guards those routes.
 */
public final class ScreenRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenRoutes.class);
    /** Where the SockJS bridge listens. */
    static final String BRIDGE = "/eventbus";
    /** The session cookie's name. HttpOnly and SameSite=Strict; Secure over HTTPS. */
    static final String SESSION_COOKIE = "hotline.session";
    /** The CSRF cookie the pages' script reads, and the header (or form field) it sends back. */
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = CSRFHandler.DEFAULT_HEADER_NAME;
    /** Largest request body accepted anywhere under the screen: a tip with its summary fits many times. */
    static final long BODY_LIMIT = 64 * 1024;
    /** Routes that read their own, larger body (recordings uploaded to the prompt studio, a few MB). */
    private static final java.util.regex.Pattern OWN_BODY_LIMIT =
            java.util.regex.Pattern.compile("/api/prompts/[a-z]{2,3}/[a-z0-9-]{1,32}/upload");
    private static final int SIGN_IN_THREADS = 2;
    private static final String CSRF_PENDING = "hotline.csrf-pending";
    private static final String SESSIONS = "hotline.screen.sessions";

    private final Vertx vertx;
    private final ScreenConfig config;
    private final OperatorDirectory directory;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Path secretFile;

    /** {@code secretFile} holds the CSRF signing secret shared by every dispatch node; null for a random one. */
    public ScreenRoutes(Vertx vertx, ScreenConfig config, OperatorDirectory directory, MeterRegistry registry,
                        Clock clock, Path secretFile) {
        this.vertx = vertx;
        this.secretFile = secretFile;
        this.config = config;
        this.directory = directory;
        this.registry = registry;
        this.clock = clock;
    }

    /** Adds the screen's handlers and routes. Call it before mounting any route that relies on the session. */
    public void mount(Router router) {
        // Before everything, /health and /metrics included: every response carries the security headers.
        router.route().order(-1).handler(new SecurityHeaders(config.https()));
        // Compressed only where no secret sits beside request data: static files and the fixed pages (BREACH).
        router.route().order(-1).handler(Compression::refuseByDefault);

        BridgeGuard bridge = new BridgeGuard(vertx, config.absoluteTimeout(), clock);
        bridge.followRoutingOwner();
        // Clustered, the sessions live in the cluster's map, so a browser that reconnects to another dispatch node
        // after its node died stays signed in.
        SessionStore store = vertx.isClustered() ? ClusteredSessionStore.create(vertx, SESSIONS)
                : LocalSessionStore.create(vertx, SESSIONS);
        SessionHandler sessions = SessionHandler.create(store)
                .setSessionCookieName(SESSION_COOKIE)
                .setSessionTimeout(config.idleTimeout().toMillis())
                .setCookieHttpOnlyFlag(true)
                .setCookieSameSite(CookieSameSite.STRICT)
                .setCookieSecureFlag(config.https())
                .setNagHttps(false);
        CSRFHandler csrf = CSRFHandler.create(vertx, secret())
                .setCookieName(CSRF_COOKIE)
                .setHeaderName(CSRF_HEADER)
                .setCookieSecure(config.https())
                // A token lives as long as the session may, so a page left open all shift can still post.
                .setTimeout(config.absoluteTimeout().toMillis());

        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        router.route().handler(exceptBridge(context -> {
            if (OWN_BODY_LIMIT.matcher(context.normalizedPath()).matches()) {
                context.next();
            } else {
                body.handle(context);
            }
        }));
        router.route().handler(sessions);
        router.route().handler(new AbsoluteTimeout(config.absoluteTimeout(), bridge, clock));
        EndedSessions ended = new EndedSessions(bridge, clock);
        ended.listen(vertx);
        router.route().handler(ended);
        // The bridge takes no form posts: its only transport is the WebSocket, guarded by the Origin check.
        // The CSRF handler fails a request with a bare 403; the mark left until it passes tells its refusals apart.
        router.route().handler(exceptBridge(context -> {
            context.put(CSRF_PENDING, true);
            csrf.handle(context);
        }));
        router.route().handler(context -> {
            context.remove(CSRF_PENDING);
            context.next();
        });
        router.route().failureHandler(ScreenRoutes::csrfRefused);

        SignInPage page = new SignInPage(vertx);
        SignIn signIn = new SignIn(directory, vertx.createSharedWorkerExecutor("hotline-signin", SIGN_IN_THREADS),
                sessions, SignInThrottle.from(config), page, bridge, registry, clock);
        router.get("/").handler(Pages::home);
        router.get("/signin").handler(signIn::form);
        router.post("/signin").handler(signIn::submit);
        router.post("/signout").handler(signIn::signOut);
        router.get(Pages.OPERATOR).handler(Pages.view(role -> role == Role.OPERATOR, "operator.html"));
        // An operator who opens the manager's screen is told why, as on every other manager page.
        router.get(Pages.MANAGER).handler(PageRefusal.require("the manager's screen", Role.MANAGER, Role.ADMIN))
                .handler(context -> StaticAssets.shared().sendPage(context, "manager.html"));
        router.get(Pages.FOLLOW_UP).handler(Pages.view(role -> true, "followup.html"));
        ScreenLanguage language = new ScreenLanguage(directory,
                vertx.createSharedWorkerExecutor("hotline-screen-language", 1), Bundles.shipped());
        router.get("/i18n/:file").handler(language::bundle);
        router.put("/api/me/language").handler(SignedIn.require(Role.values())).handler(language::choose);
        router.get("/api/translations").handler(SignedIn.require(Role.MANAGER, Role.ADMIN))
                .handler(language::unchecked);
        router.get("/translations").handler(Pages.view(Role::canManage, "translations.html"));
        router.get("/api/session").handler(SignedIn.require(Role.values()))
                .handler(new SessionApi(config.absoluteTimeout(), config.zone(), clock)::handle);
        router.route(StaticAssets.PREFIX + "*").handler(StaticAssets.shared().handler(registry));

        router.route(BRIDGE + "/*").handler(new OriginCheck(config.allowedOrigins(), config.https()));
        router.route(BRIDGE + "/*").subRouter(sockJs().bridge(null, BridgePermissions.options(config.bridgeIdle()),
                bridge));
    }

    private SockJSHandler sockJs() {
        // WebSocket only: the polling transports would take cross-site posts and need CSRF of their own.
        SockJSHandlerOptions options = new SockJSHandlerOptions().setRegisterWriteHandler(false);
        for (Transport transport : Transport.values()) {
            if (transport != Transport.WEBSOCKET) {
                options.addDisabledTransport(transport.name());
            }
        }
        return SockJSHandler.create(vertx, options);
    }

    private static Handler<RoutingContext> exceptBridge(Handler<RoutingContext> handler) {
        return context -> {
            String path = context.normalizedPath();
            if (path.equals(BRIDGE) || path.startsWith(BRIDGE + "/")) {
                context.next();
            } else {
                handler.handle(context);
            }
        };
    }

    /** A state-changing request without its CSRF token: 403, as JSON under /api/, else a short page. */
    private static void csrfRefused(RoutingContext context) {
        if (context.get(CSRF_PENDING) == null || context.statusCode() != 403) {
            context.next();
            return;
        }
        LOG.warn("Refused a {} without a valid form token", context.request().method());
        if (context.normalizedPath().startsWith("/api/")) {
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(new JsonObject().put("error",
                            "This page has expired or the request did not come from it. Reload and try again.")
                            .encode());
        } else {
            context.response().setStatusCode(403).putHeader("Content-Type", "text/html; charset=utf-8")
                    .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Hotline</title>"
                            + "</head><body><p>" + Messages.english().text(SignInPage.EXPIRED) + "</p><p><a href=\"/signin\">Sign in</a>"
                            + "</p></body></html>");
        }
    }

    /** The CSRF tokens' signing key: random per process (sessions do not outlive it either). */
    private String secret() {
        if (secretFile != null) {
            return SecretFile.readOrCreate(secretFile, 32);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
