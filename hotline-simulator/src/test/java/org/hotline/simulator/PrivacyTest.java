package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Nothing the simulator logs, or puts in an exception, may carry a caller's number or name. */
class PrivacyTest {
    private static final String NUMBER = "+93701234567";
    private static final String NAME = "Fatima Secretname";

    private final Logger simulatorLogger = (Logger) LoggerFactory.getLogger("org.hotline.simulator");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = simulatorLogger.getLevel();
        simulatorLogger.setLevel(Level.DEBUG);
        events.start();
        simulatorLogger.addAppender(events);
    }

    @AfterEach
    void release() {
        simulatorLogger.detachAppender(events);
        simulatorLogger.setLevel(previousLevel);
    }

    @Test
    void callerIdsStayOutOfLogsAndErrors() throws IOException {
        Map<String, AgiScript> scripts = new HashMap<>();
        scripts.put("echo", (request, channel) -> {
            channel.setVariable("CALLER", request.getCallerIdNumber());
            channel.verbose("caller " + request.getCallerIdName(), 1);
            channel.waitForDigit(100);
        });
        StringBuilder errors = new StringBuilder();
        try (TestAgiServer server = TestAgiServer.start(scripts);
                ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.call("echo").callerId(NUMBER).callerIdName(NAME).press('1').build().run(Duration.ofSeconds(10));
            server.call("echo").callerId(NUMBER).callerIdName(NAME).hangupWhen(c -> c.startsWith("WAIT"))
                    .build().run(Duration.ofSeconds(10));
            Throwable timeout = catchThrowable(() -> FakeCall.builder("127.0.0.1", silent.getLocalPort())
                    .callerId(NUMBER).callerIdName(NAME).build().run(Duration.ofMillis(200)));
            errors.append(timeout).append(timeout.getCause());
        }
        int closedPort = TestAgiServer.freePort();
        Throwable refused = catchThrowable(() -> FakeCall.builder("127.0.0.1", closedPort)
                .callerId(NUMBER).callerIdName(NAME).build().run(Duration.ofSeconds(5)));
        errors.append(refused).append(refused.getCause());

        assertThat(events.list).isNotEmpty();
        for (ILoggingEvent event : events.list) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(logged).doesNotContain(NUMBER, "701234567", NAME, "Secretname");
        }
        assertThat(errors.toString()).doesNotContain(NUMBER, NAME);
    }
}
