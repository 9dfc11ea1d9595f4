package org.hotline.app.demo;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.ami.FakeAmi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps placing fake-Asterisk calls at the demo hotline: callers pick a language the demo operators speak (and
 * sometimes one they don't), a purpose, wait in hold, and, once an operator accepts, "talk" for a while before
 * the hangup handler reports the end, as Asterisk would. Prompts last as long as their sound files, so a call
 * spends as long in the menus as a real one; half the callers know the keys and press them during the prompt.
 */
final class DemoCalls implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCalls.class);
    private static final char[] LANGUAGE_KEYS = {'1', '1', '2', '2', '6', '3', '5'};
    private static final char[] PURPOSE_KEYS = {'1', '2', '2', '3', '3', '4'};
    private static final Duration CALL_LIMIT = Duration.ofMinutes(15);
    private static final String WELCOME = "hotline/welcome";
    private static final String PURPOSE = "hotline/purpose";

    private final int port;
    private final Duration interval;
    /** The fake Asterisk's AMI side, or null when the hotline talks to a real Asterisk. */
    private final FakeAmi ami;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Random random = new Random();
    private Thread placer;

    DemoCalls(int port, Duration interval, FakeAmi ami) {
        this.port = port;
        this.interval = interval;
        this.ami = ami;
    }

    void start() {
        placer = Thread.ofVirtual().name("demo-calls").start(() -> {
            while (running.get()) {
                Thread.ofVirtual().start(this::oneCall);
                try {
                    Thread.sleep(interval.plusMillis(random.nextLong(interval.toMillis() + 1)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private void oneCall() {
        try {
            String number = "+9370" + (1_000_000 + random.nextInt(8_999_999));
            FakeCall.Builder caller = FakeCall.builder("127.0.0.1", port).callerId(number);
            choose(caller, WELCOME, LANGUAGE_KEYS[random.nextInt(LANGUAGE_KEYS.length)], 4_000);
            choose(caller, PURPOSE, PURPOSE_KEYS[random.nextInt(PURPOSE_KEYS.length)], 12_000);
            CallRecord call = caller.build().run(CALL_LIMIT);
            if (!"dial".equals(call.variable("HOTLINE_NEXT").orElse(null)) || !running.get()) {
                return;
            }
            int talkSeconds = 20 + random.nextInt(40);
            // As the dialplan's Dial G() does: caller and operator meet in the call's conference, where the screens
            // can transfer, add an interpreter or supervise; the caller hangs up after the talk.
            String callerLeg = ami == null ? null : ami.connectCall(number, call.variable("HOTLINE_CALL_ID")
                    .orElse(""), call.variable("HOTLINE_TARGET").orElse("")).getFirst();
            Thread.sleep(Duration.ofSeconds(talkSeconds));
            if (callerLeg != null) {
                ami.hangup(callerLeg);
            }
            FakeCall.builder("127.0.0.1", port).script("hotline-end").uniqueId(call.uniqueId())
                    .variable("HOTLINE_CALL_ID", call.variable("HOTLINE_CALL_ID").orElse(""))
                    .variable("DIALSTATUS", "ANSWER").variable("HOTLINE_END_ANSWERED_MS", "0")
                    .variable("HOTLINE_END_ENDED_MS", String.valueOf(talkSeconds * 1000L))
                    .build().run(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("A demo call failed ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (placer != null) {
            placer.interrupt();
        }
    }

    /** Half the callers press the key somewhere in the prompt (within {@code withinMs}), the others after it. */
    private void choose(FakeCall.Builder caller, String prompt, char key, int withinMs) {
        if (random.nextBoolean()) {
            caller.pressDuring(prompt, key, Duration.ofMillis(300 + random.nextInt(withinMs)));
        } else {
            caller.press(key);
        }
    }
}
