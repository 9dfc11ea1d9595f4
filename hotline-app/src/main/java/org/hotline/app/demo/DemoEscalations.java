package org.hotline.app.demo;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.callcontrol.DutyPerson;
import org.hotline.callcontrol.EscalationStore;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.simulator.ami.FakeAmi;

/**
 * The demo's on-call escalations, so the manager's wallboard shows one: a demo duty list (when the list is empty),
 * and every couple of minutes an emergency that nobody took; the first duty phone declines, the second answers and,
 * a few seconds later, presses 1. The escalation itself is the real one, over the fake Asterisk's AMI.
 */
final class DemoEscalations implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(120);
    private static final Duration THINKING = Duration.ofSeconds(8);
    /** Numbers of no one: the demo's duty phones exist only in the fake Asterisk. */
    private static final List<DutyPerson> DUTY = List.of(
            new DutyPerson(UUID.randomUUID().toString(), "Demo duty 1 (declines)", "+10000000001"),
            new DutyPerson(UUID.randomUUID().toString(), "Demo duty 2", "+10000000002"));

    private final Vertx vertx;
    private final FakeAmi ami;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Thread thread;

    DemoEscalations(Vertx vertx, FakeAmi ami) {
        this.vertx = vertx;
        this.ami = ami;
    }

    void start(EscalationStore store, String dial) {
        if (store.dutyList().isEmpty()) {
            store.replaceDutyList(DUTY);
        }
        List<DutyPerson> duty = store.dutyList();
        if (!duty.isEmpty()) {
            ami.declines(dial.replace("{number}", duty.getFirst().phone()));
        }
        thread = Thread.ofVirtual().name("demo-escalations").start(() -> {
            try {
                Thread.sleep(Duration.ofSeconds(20));
                while (running.get()) {
                    once(duty, dial);
                    Thread.sleep(EVERY);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void once(List<DutyPerson> duty, String dial) throws InterruptedException {
        String callId = UUID.randomUUID().toString();
        vertx.eventBus().publish(BusAddresses.ESCALATION_NEEDED,
                new EscalationNeeded(EscalationNeeded.Kind.WAITING_EMERGENCY, callId, "prs", Instant.now()).toJson());
        if (duty.size() < 2) {
            return;
        }
        String second = dial.replace("{number}", duty.get(1).phone());
        for (int i = 0; i < 30 && running.get(); i++) {
            var leg = ami.channelOf(second);
            if (leg.isPresent()) {
                Thread.sleep(THINKING);
                ami.press(leg.get(), '1');
                Thread.sleep(Duration.ofSeconds(30));
                ami.hangup(leg.get());
                return;
            }
            Thread.sleep(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
        }
    }
}
