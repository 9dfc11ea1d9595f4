package org.hotline.agi.call;

import java.time.Instant;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.agi.ChannelVariables;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.call.CallEnd;
import org.hotline.core.steplog.StepLog;
import org.hotline.core.steplog.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code hotline-end} script: records how a call ended (our call id, Dial's status, the talk time).
 * Nobody is listening on the line any more, so it writes synchronously.
 *
 * <p>The dialplan runs it on a Local channel of its own, originated by the caller channel's hangup handler (an
 * AGI on the dead caller channel could wait without limit for a hung server), and passes the caller channel's
 * values as {@code HOTLINE_END_*} variables; see {@link ChannelVariables#END_CALL_ID}. Run directly on the
 * caller's channel, as older dialplans did, it falls back to that channel's {@code HOTLINE_CALL_ID},
 * {@code DIALSTATUS} and uniqueid.
 *
 * <p>Talk time is the time the operator and the caller were connected: from the operator's answer (stamped on the
 * caller's channel as Dial's G() sends it into the call's conference) to the hang-up, both in epoch milliseconds. Dial's ANSWEREDTIME is not used: Asterisk
 * counts it from when the caller's channel was answered, so it includes the IVR and the hold.
 */
public final class HotlineEndScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(HotlineEndScript.class);

    private final IvrServices ivr;

    public HotlineEndScript(IvrServices ivr) {
        this.ivr = ivr;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        Caller caller = new Caller(channel);
        String uniqueId = AsteriskIds.uniqueId(request, "unknown");
        try {
            String callerUniqueId = AsteriskIds.uniqueIdOrNull(caller.variable(ChannelVariables.END_UNIQUE_ID));
            boolean onReportChannel = callerUniqueId != null;
            if (onReportChannel) {
                uniqueId = callerUniqueId;
            }
            String callId = AsteriskIds.callIdOrNull(caller.variable(
                    onReportChannel ? ChannelVariables.END_CALL_ID : ChannelVariables.CALL_ID));
            MDC.put("call", callId == null ? "none" : callId);
            String dialStatus = AsteriskIds.dialStatusOrNull(caller.variable(
                    onReportChannel ? ChannelVariables.END_DIAL_STATUS : ChannelVariables.DIAL_STATUS));
            Long talkMillis = AsteriskIds.talkMillisOrNull(caller.variable(ChannelVariables.END_ANSWERED_MS),
                    caller.variable(ChannelVariables.END_ENDED_MS));
            Integer talkSeconds = talkMillis == null ? null : Math.toIntExact(Math.round(talkMillis / 1000.0));
            Instant now = ivr.clock().instant();
            // Dispatch first: the operator's wrap-up (and tip form) must not wait for, or depend on, the database.
            if (callId != null) {
                ivr.dispatch().ended(new CallEnded(callId, dialStatus, talkSeconds, now));
            }
            ivr.metrics().ended(dialStatus == null ? "none" : dialStatus.toLowerCase(java.util.Locale.ROOT));
            CallEnd end = new CallEnd(uniqueId, callId, dialStatus, talkSeconds, now);
            // On disk first, so a kill cannot lose it; then stored before the script returns, unless the database
            // is unreachable: then it is stored once it answers, and the hangup handler does not wait for that.
            StepLog.Appended logged = logged(new StepRecord.Ended(end));
            ivr.journalWriter().runNowOrRetry(() -> ivr.journal().ended(end)).handle((stored, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not record the call's end ({})", failure.getClass().getSimpleName());
                } else if (logged != null) {
                    logged.release();
                }
                return null;
            });
        } catch (ConnectionCut e) {
            // The guard has said why, in one line: the end could not be read.
        } catch (CallerHungUp | IvrFailure e) {
            LOG.warn("The hangup handler could not read the call's end ({})", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            LOG.warn("Could not record the call's end ({})", e.getClass().getSimpleName());
        } finally {
            MDC.remove("call");
        }
    }

    private StepLog.Appended logged(StepRecord record) {
        try {
            return ivr.stepLog().append(record);
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("Could not log the call's end to disk ({}); it goes to the database only", e.getMessage());
            return null;
        }
    }
}
