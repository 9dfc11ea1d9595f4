package org.hotline.acceptance.faults;

import org.hotline.acceptance.SimulatedOperator;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hotline.dispatch.apitest.TipForms;

/**
 * One operator's shift in the storm, on a thread of its own: goes available, accepts every call offered, records
 * a tip for each call once it ends, and in between keeps submitting tips (follow-ups of voice messages, say) as
 * fast as the server answers. The tip form sends one request at a time, so this does too. The shift ends when
 * the storm stops or the screen's socket drops (the server died).
 */
final class OperatorShift implements Runnable {
    private final String username;
    private final SimulatedOperator operator;
    private final TipLedger ledger;
    private final BooleanSupplier storming;
    private final AtomicInteger callTips;
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> tipped = new HashSet<>();

    /** @param callTips counts tips recorded for calls this operator took, across all shifts */
    OperatorShift(String username, SimulatedOperator operator, TipLedger ledger, BooleanSupplier storming,
                  AtomicInteger callTips) {
        this.username = username;
        this.operator = operator;
        this.ledger = ledger;
        this.storming = storming;
        this.callTips = callTips;
    }

    @Override
    public void run() {
        operator.goAvailable();
        while (storming.getAsBoolean() && !operator.disconnected()) {
            for (String callId : operator.offeredCalls()) {
                if (accepted.add(callId)) {
                    operator.accept(callId);
                }
            }
            String endedCall = operator.endedCalls().stream().filter(id -> !tipped.contains(id)).findFirst()
                    .orElse(null);
            if (endedCall != null) {
                tipped.add(endedCall);
            }
            JsonObject tip = TipForms.withTwoReferrals(TipForms.newId());
            if (endedCall != null) {
                tip.put("callId", endedCall);
            }
            Integer status = operator.submitTip(tip).orElse(null);
            ledger.answered(username, tip, status);
            if (endedCall != null && status != null && status == 201) {
                callTips.incrementAndGet();
            }
        }
    }
}
