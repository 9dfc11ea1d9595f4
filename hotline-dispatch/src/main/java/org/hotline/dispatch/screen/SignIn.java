package org.hotline.dispatch.screen;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.SessionHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.hotline.core.logging.FloodLog;
import org.hotline.core.i18n.UiLanguage;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.core.security.PasswordHasher;
import org.hotline.dispatch.operators.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out. The password is checked with Argon2id on a small dedicated worker pool, never on an event
 * loop, and an unknown name costs the same hash as a known one, so neither timing nor the answer tells which
 * names exist. Failures are throttled by {@link SignInThrottle}. A successful sign-in gets a new session id, so
 * an id planted before sign-in is worthless; signing out destroys the session on the server.
 */
final class SignIn {
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
    private static final int MAX_NAME = 64;
    private static final int MAX_PASSWORD = 1024;

    private final OperatorDirectory directory;
    private final PasswordHasher hasher = new PasswordHasher();
    private final WorkerExecutor workers;
    private final SessionHandler sessions;
    private final SignInThrottle throttle;
    private final SignInPage page;
    private final BridgeGuard bridge;
    private final Clock clock;
    /** Guesses against a throttled name come in floods: one line per interval with the count. */
    private final FloodLog throttledLog;
    private final Counter failures;
    private final Counter throttled;
    private volatile String unknownNameHash;

    SignIn(OperatorDirectory directory, WorkerExecutor workers, SessionHandler sessions, SignInThrottle throttle,
           SignInPage page, BridgeGuard bridge, MeterRegistry registry, Clock clock) {
        this.directory = directory;
        this.workers = workers;
        this.sessions = sessions;
        this.throttle = throttle;
        this.page = page;
        this.bridge = bridge;
        this.clock = clock;
        this.throttledLog = new FloodLog(LOG, "sign-ins refused unchecked", FloodLog.DEFAULT_INTERVAL);
        this.failures = Counter.builder("hotline.screen.signin.failures")
                .description("Sign-ins refused for a wrong name or password").register(registry);
        this.throttled = Counter.builder("hotline.screen.signin.throttled")
                .description("Sign-ins refused unchecked because the name or address must wait").register(registry);
    }

    /** GET /signin: the form, or home for someone already signed in. */
    void form(RoutingContext context) {
        if (SignedIn.of(context).isPresent()) {
            Pages.redirect(context, "/");
        } else {
            page.send(context, 200, "");
        }
    }

    /** POST /signin (the CSRF handler has already checked the form's token). */
    void submit(RoutingContext context) {
        String username = field(context, "username", MAX_NAME).trim().toLowerCase(Locale.ROOT);
        char[] password = field(context, "password", MAX_PASSWORD).toCharArray();
        String address = context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress();
        Instant now = clock.instant();
        Duration wait = throttle.waitFor(username, address, now);
        if (!wait.isZero()) {
            throttled.increment();
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throttledLog.warn("throttled", "Sign-in refused unchecked: too many failures, next try in {} s", seconds);
            context.response().putHeader("Retry-After", String.valueOf(seconds));
            page.send(context, 429, SignInPage.THROTTLED, "seconds", seconds);
            return;
        }
        throttle.begin(username, address, now);
        workers.<Optional<Account>>executeBlocking(() -> check(username, password), false).onComplete(checked -> {
            if (checked.failed()) {
                LOG.warn("Sign-in could not be checked ({})", checked.cause().getClass().getSimpleName());
                page.send(context, 503, SignInPage.UNAVAILABLE);
            } else if (checked.result().isEmpty()) {
                failures.increment();
                LOG.warn("Sign-in failed: wrong name or password ({} failures in a row from this address)",
                        throttle.failuresFromAddress(address));
                page.send(context, 401, SignInPage.WRONG);
            } else {
                throttle.succeeded(username, address);
                start(context, checked.result().get());
            }
        });
    }

    /** POST /signout: the session is destroyed on the server and the operator leaves the floor. */
    void signOut(RoutingContext context) {
        Session session = context.session();
        Optional<SignedIn> who = SignedIn.of(context);
        who.filter(w -> w.role() == Role.OPERATOR).ifPresent(w -> bridge.signedOut(w.operatorId()));
        if (session != null) {
            bridge.closeAll(session);
        }
        context.userContext().clear();
        who.ifPresent(w -> LOG.info("Signed out (operator {})", w.operatorId()));
        Pages.redirect(context, "/signin");
    }

    /** Runs on a worker: the operator if the name exists, is enabled and the password matches. */
    private Optional<Account> check(String username, char[] password) {
        try {
            Optional<String> hash = username.isEmpty() ? Optional.empty() : directory.passwordHash(username);
            boolean matches = hasher.verify(password, hash.orElseGet(this::unknownNameHash));
            if (hash.isEmpty() || !matches) {
                return Optional.empty();
            }
            return directory.byUsername(username).filter(Operator::enabled).map(operator -> new Account(operator,
                    directory.interfaceLanguage(operator.id()).orElse(UiLanguage.ENGLISH.code())));
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** A real hash of a random password, so an unknown name costs as much to check as a known one. */
    private String unknownNameHash() {
        String hash = unknownNameHash;
        if (hash == null) {
            char[] random = new char[32];
            SecureRandom source = new SecureRandom();
            for (int i = 0; i < random.length; i++) {
                random[i] = (char) ('a' + source.nextInt(26));
            }
            hash = hasher.hash(random);
            unknownNameHash = hash;
        }
        return hash;
    }

    /** A person who may sign in, with the screen language they chose. */
    private record Account(Operator operator, String interfaceLanguage) {
    }

    private void start(RoutingContext context, Account account) {
        Operator operator = account.operator();
        Session session = context.session();
        session.regenerateId();
        SignedIn who = ScreenSession.start(session, operator, account.interfaceLanguage(), clock.instant());
        sessions.setUser(context, ScreenSession.user(who)).onComplete(stored -> {
            if (stored.failed()) {
                LOG.warn("Could not store a new session ({})", stored.cause().getClass().getSimpleName());
                page.send(context, 503, SignInPage.UNAVAILABLE);
                return;
            }
            LOG.info("Signed in (operator {}, {})", who.operatorId(), who.role().code());
            Pages.redirect(context, "/");
        });
    }

    private static String field(RoutingContext context, String name, int max) {
        String value = context.request().getFormAttribute(name);
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }
}
