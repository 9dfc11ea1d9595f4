package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.Language;
import org.hotline.core.call.Priority;
import org.hotline.core.call.Purpose;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: the routing decision, one call's whole life on the {@link Floor} (intake and offer, accept, hand-off, end,
 * tip saved), with {@code seats} operators and {@code backlog} calls already waiting that nobody on the floor can
 * take (a language none of them speaks, not yet widened), so every decision walks them. The e2e profile shows
 * {@code Floor.match} and {@code Floor.inServiceOrder} on the routing event loop once a queue builds.
 *
 * <p>In the routing package because {@link Floor} is package-private there; it lives in hotline-bench so no
 * benchmark code ships in the hotline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoutingDecisionJmh {
    @Param({"50", "300"})
    public int seats;

    @Param({"0", "1000"})
    public int backlog;

    private Floor floor;
    private Instant now;
    private long sequence;

    @Setup(Level.Trial)
    public void floor() {
        // Call silence an hour, as in FloorTest: no call here goes quiet long enough to be dropped.
        floor = new Floor(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMinutes(2), Duration.ofHours(1),
                new HandOffWindow(Duration.ofSeconds(30), Duration.ofSeconds(5)));
        now = Instant.parse("2026-11-28T08:00:00Z");
        List<Effect> effects = new ArrayList<>();
        EnumSet<Language> spoken = EnumSet.allOf(Language.class);
        spoken.remove(Language.values()[Language.values().length - 1]);
        for (int i = 0; i < seats; i++) {
            Operator operator = new Operator(UUID.randomUUID().toString(), "op" + i, "Operator " + i,
                    Role.OPERATOR, spoken, false, "PJSIP/" + (1000 + i), true);
            floor.connected(operator, now, effects);
            floor.available(operator.id(), now, effects);
        }
        Language unspoken = Language.values()[Language.values().length - 1];
        for (int i = 0; i < backlog; i++) {
            floor.intake(intake(unspoken, Purpose.REPORT), now, effects);
        }
    }

    /** One call through the floor; returns the effects so nothing is optimised away. */
    @Benchmark
    public List<Effect> oneCall() {
        List<Effect> effects = new ArrayList<>();
        CallIntake call = intake(Language.values()[(int) (sequence % 3)], Purpose.HELP);
        floor.intake(call, now, effects);
        String operator = null;
        for (Effect effect : effects) {
            if (effect instanceof Effect.Offer offer) {
                operator = offer.operatorId();
            }
        }
        floor.accept(operator, call.callId(), now, effects);
        floor.handedOff(operator, call.callId(), org.hotline.core.bus.HandOffReply.Answer.TAKEN, now, effects);
        floor.callEnded(call.callId(), now, effects);
        floor.tipSaved(operator, call.callId(), now, effects);
        return effects;
    }

    private CallIntake intake(Language language, Purpose purpose) {
        String id = new UUID(0, ++sequence).toString();
        Priority priority = purpose.priority();
        return new CallIntake(id, "jmh." + sequence, language, purpose, priority, null, "AF", Map.of());
    }
}
