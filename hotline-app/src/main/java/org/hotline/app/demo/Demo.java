package org.hotline.app.demo;

import java.io.PrintWriter;
import java.time.Duration;
import org.hotline.app.run.Hotline;
import org.hotline.callcontrol.EscalationStore;
import org.hotline.core.config.Settings;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.simulator.ami.FakeAmi;

/**
 * {@code ./scripts/run --demo}: the hotline with three demo people and a stream of simulated calls, so a
 * newcomer can sign in and handle real-looking calls end to end with no Asterisk.
 */
public final class Demo implements AutoCloseable {
    private final DemoCalls calls;
    private final DemoEscalations escalations;

    private Demo(DemoCalls calls, DemoEscalations escalations) {
        this.calls = calls;
        this.escalations = escalations;
    }

    /** Creates (or refreshes) the demo accounts, prints their passwords, and starts placing calls. */
    public static Demo start(Hotline hotline, PrintWriter out) {
        return start(hotline, out, null, null);
    }

    /** As {@link #start(Hotline, PrintWriter)}, with the fake Asterisk's AMI side for live call control. */
    public static Demo start(Hotline hotline, PrintWriter out, FakeAmi ami, Settings settings) {
        var accounts = DemoOperators.ensure(new JooqOperatorDirectory(hotline.database().dsl()));
        out.println();
        out.println("Demo: open http://localhost:" + hotline.httpPort() + "/ and sign in as");
        for (var account : accounts) {
            out.printf("  %-14s %-9s password %s%n", account.username(), account.role(), account.password());
        }
        out.println("Simulated callers dial in every few seconds (Dari, Pashto, Urdu, Tajik, Uzbek). Ctrl-C stops.");
        out.println("The prompt studio, with a few demo recordings to review: /prompts (as demo-manager).");
        out.println();
        out.flush();
        if (settings != null) {
            DemoPrompts.seed(settings, hotline.database().dsl(), new JooqOperatorDirectory(hotline.database().dsl()));
        }
        DemoCalls calls = new DemoCalls(hotline.agiPort(), Duration.ofSeconds(6), ami);
        calls.start();
        DemoEscalations escalations = null;
        if (ami != null && settings != null) {
            // An emergency nobody took, every two minutes: the manager's wallboard shows it paging the duty list.
            escalations = new DemoEscalations(hotline.vertx(), ami);
            escalations.start(new EscalationStore(hotline.database().dsl()), settings.string("escalation.dial"));
        }
        return new Demo(calls, escalations);
    }

    @Override
    public void close() {
        calls.close();
        if (escalations != null) {
            escalations.close();
        }
    }
}
