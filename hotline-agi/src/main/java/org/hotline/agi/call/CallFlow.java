package org.hotline.agi.call;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotline.agi.ChannelVariables;
import org.hotline.agi.hold.HoldResult;
import org.hotline.agi.intake.DispatchUnavailable;
import org.hotline.agi.intake.HoldLine;
import org.hotline.agi.intake.HoldMessage;
import org.hotline.agi.menu.Choice;
import org.hotline.agi.menu.IvrRoute;
import org.hotline.agi.prompts.Prompt;
import org.hotline.agi.pseudonym.CallerPseudonym;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.CallbackRequested;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.IntakeReply;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.Language;
import org.hotline.core.call.NewCall;
import org.hotline.core.call.Purpose;
import org.hotline.core.callback.CallbackId;
import org.hotline.core.id.Ids;
import org.hotline.core.steplog.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call through the IVR: language, purpose, intake, hold, then hand-off, voice message, "call again" or the
 * dialplan's fallback. All per-call state lives here. A hangup at any step ends the call with that step
 * recorded; any failure of ours ends it with {@code HOTLINE_IVR_DONE} unset, so the dialplan finds a human.
 */
final class CallFlow {
    private static final Logger LOG = LoggerFactory.getLogger(CallFlow.class);
    private static final Duration WRITE_FLUSH_LIMIT = Duration.ofSeconds(10);

    private final IvrServices ivr;
    private final Caller caller;
    private final String callId;
    private final String asteriskUniqueId;
    private final IvrRoute route;
    private final CallRecorder recorder;
    /** Reads the raw caller number from the request; used only to keep it for an accepted callback. */
    private final Supplier<String> rawNumber;
    private final Map<CallStep, Instant> steps = new EnumMap<>(CallStep.class);
    private CallStep step = CallStep.ENTERED;
    private Language language;
    private Purpose purpose;
    private String pseudonym;
    private String country;
    private boolean finished;
    private boolean toldDispatchLeft;
    /** A caller in danger on the closed path who has not been escalated yet. */
    private boolean dangerUnanswered;

    CallFlow(IvrServices ivr, Caller caller, String callId, String asteriskUniqueId, IvrRoute route,
             Supplier<String> rawNumber) {
        this.rawNumber = rawNumber;
        this.ivr = ivr;
        this.caller = caller;
        this.callId = callId;
        this.asteriskUniqueId = asteriskUniqueId;
        this.route = route;
        this.recorder = new CallRecorder(ivr, callId);
    }

    /** Records the call's entry; the caller's number arrives here only as its pseudonym and country. */
    CallFlow entered(CallerPseudonym caller) {
        this.pseudonym = caller.pseudonym();
        this.country = caller.country();
        Instant now = ivr.clock().instant();
        steps.put(CallStep.ENTERED, now);
        // On disk before the caller is given HOTLINE_CALL_ID, so a call with that id always gets its row.
        recorder.write("the call's entry", new StepRecord.Entered(new NewCall(callId, asteriskUniqueId,
                route.number(), pseudonym, country, now, caller.underOtherKeys())));
        ivr.metrics().entered();
        return this;
    }

    void run() {
        ivr.metrics().inMenu().incrementAndGet();
        boolean inMenu = true;
        try {
            caller.setVariable(ChannelVariables.CALL_ID, callId);
            chooseLanguage();
            choosePurpose();
            ivr.metrics().inMenu().decrementAndGet();
            inMenu = false;
            queue();
        } catch (CallerHungUp e) {
            abandoned();
        } catch (ConnectionCut e) {
            fallback();
        } catch (IvrFailure e) {
            LOG.warn("The IVR failed at step {} ({}); the dialplan falls back", step.code(), e.getMessage());
            fallback();
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure at step {}; the dialplan falls back", step.code(), e);
            fallback();
        } finally {
            if (inMenu) {
                ivr.metrics().inMenu().decrementAndGet();
            }
            recorder.flush(WRITE_FLUSH_LIMIT);
        }
    }

    private void chooseLanguage() {
        Instant start = ivr.clock().instant();
        Choice<Language> choice = ivr.languageMenu().choose(caller, route);
        language = choice.value();
        Instant now = reached(CallStep.LANGUAGE_CHOSEN);
        recorder.write("the language", new StepRecord.LanguageChosen(callId, language, now));
        ivr.metrics().timeStep("language-menu", Duration.between(start, now));
        // Asterisk's own prompts follow the channel language where it has them; ours always exist.
        caller.speak(language.code());
        caller.setVariable(ChannelVariables.LANGUAGE, language.code());
    }

    private void choosePurpose() {
        Instant start = ivr.clock().instant();
        purpose = ivr.purposeMenu().choose(caller).value();
        Instant now = reached(CallStep.PURPOSE_CHOSEN);
        recorder.write("the purpose", new StepRecord.PurposeChosen(callId, purpose, now));
        ivr.metrics().timeStep("purpose-menu", Duration.between(start, now));
        if (purpose == Purpose.DANGER) {
            caller.play(Prompt.EMERGENCY.file(), "");
        }
    }

    private void queue() {
        if (ivr.draining().getAsBoolean()) {
            fallback();
            return;
        }
        try (HoldLine line = ivr.dispatch().open(callId)) {
            IntakeReply reply;
            try {
                reply = ivr.dispatch().submit(intake());
            } catch (DispatchUnavailable e) {
                LOG.warn("Dispatch did not take the intake ({}); the caller goes to the fallback queue",
                        e.getMessage());
                fallback();
                return;
            }
            if (!reply.queued()) {
                nobodyCanAnswer(reply);
                return;
            }
            Instant queued = reached(CallStep.QUEUED);
            recorder.write("the queueing", new StepRecord.Reached(callId, CallStep.QUEUED, queued));
            caller.play(Prompt.CONNECTING.file(), "");
            hold(line, reply.position(), queued);
        }
    }

    private void hold(HoldLine line, int position, Instant queued) {
        HoldResult result;
        ivr.metrics().inHold().incrementAndGet();
        try {
            boolean callback = ivr.callbacks().offered(language.code(), route.number(), rawNumber.get(),
                    route.country());
            result = ivr.holdLoop().hold(caller, line, position, () -> ivr.dispatch().reaffirm(intake()), callback);
        } finally {
            ivr.metrics().inHold().decrementAndGet();
            ivr.metrics().timeStep("hold", Duration.between(queued, ivr.clock().instant()));
        }
        switch (result.kind()) {
            case ASSIGNED -> handOff(result.assignment());
            case VOICEMAIL_CHOSEN -> {
                leftQueue(CallOutcome.VOICEMAIL);
                leaveMessage();
            }
            case HOLD_LIMIT -> {
                leftQueue(ivr.voicemail().enabled() ? CallOutcome.VOICEMAIL : CallOutcome.CLOSED);
                if (ivr.voicemail().enabled()) {
                    leaveMessage();
                } else {
                    callAgain();
                }
            }
            case CALLBACK_CHOSEN -> callbackAccepted();
            case REFUSED -> nobodyCanAnswer(null);
            case ON_CALL -> toOnCall();
            case DRAINING -> {
                fallback();
            }
        }
    }

    private void handOff(HoldMessage assignment) {
        String target = assignment.update().target();
        if (!Ids.isDialString(target)) {
            assignment.answer(false);
            LOG.warn("Dispatch assigned an operator with an unusable dial string; the dialplan falls back");
            fallback();
            return;
        }
        assignment.answer(true);
        caller.play(Prompt.TRANSFER.file(), "");
        caller.setVariable(ChannelVariables.TARGET, target);
        caller.setVariable(ChannelVariables.NEXT, ChannelVariables.NEXT_DIAL);
        // Set last: a server killed before this line leaves it unset, and the dialplan falls back.
        caller.setVariable(ChannelVariables.IVR_DONE, "1");
        Instant now = reached(CallStep.HANDED_OFF);
        recorder.write("the hand-off", new StepRecord.HandedOff(callId, target, now));
        finish("handed-off");
    }

    /**
     * The on-call duty person took the emergency and waits in the call's room (routing already took the call out
     * of its queue): the dialplan puts the caller there. Recorded as answered at the {@code on-call} step, so
     * reports count it answered and can tell it was the on-call person.
     */
    private void toOnCall() {
        caller.play(Prompt.TRANSFER.file(), "");
        caller.setVariable(ChannelVariables.NEXT, ChannelVariables.NEXT_ONCALL);
        // Set last: a server killed before this line leaves it unset, and the dialplan falls back.
        caller.setVariable(ChannelVariables.IVR_DONE, "1");
        Instant now = reached(CallStep.ON_CALL);
        recorder.write("the on-call hand-off", new StepRecord.Reached(callId, CallStep.ON_CALL, now));
        record(CallOutcome.ANSWERED);
    }

    /**
     * The caller accepted a callback: the number goes into the encrypted vault, dispatch hears the opaque id and
     * keeps the call's place in the queue, and the caller is told they may hang up. No {@link CallLeft} is sent.
     */
    private void callbackAccepted() {
        Optional<CallbackId> kept = ivr.callbacks().keep(callId, rawNumber.get(), route.country());
        if (kept.isEmpty()) {
            // Offered only to dialable numbers, so this cannot happen unless the vault was turned off meanwhile; the
            // hold loop has ended, so the fallback queue takes the caller rather than dropping them.
            fallback();
            return;
        }
        Instant now = reached(CallStep.CALLBACK_REQUESTED);
        recorder.write("the callback request", new StepRecord.Reached(callId, CallStep.CALLBACK_REQUESTED, now));
        ivr.dispatch().callbackRequested(new CallbackRequested(callId, kept.get().value()));
        caller.play(Prompt.CALLBACK_ACCEPTED.file(), "");
        finish("callback-requested");
        done();
    }

    /**
     * The closed path. A caller who chose the danger option is escalated whatever they do next: their message is
     * an emergency voice message, and without one (no voicemail, nothing said, a hangup) they are an emergency
     * nobody is waiting for. Out of hours ({@code refusal} says closed) the caller first hears when the hotline
     * opens again; nobody on duty, they hear that nobody can answer now.
     */
    private void nobodyCanAnswer(IntakeReply refusal) {
        dangerUnanswered = purpose == Purpose.DANGER;
        if (refusal != null && IntakeReply.CLOSED.equals(refusal.reason())) {
            for (String file : ClosedAnnouncement.files(refusal.opensAt(), ivr.clock().instant(), ivr.zone())) {
                caller.play(file, "");
            }
        } else {
            caller.play(Prompt.CLOSED.file(), "");
        }
        if (ivr.voicemail().enabled()) {
            leaveMessage();
        } else {
            callAgain();
        }
    }

    private void leaveMessage() {
        Instant start = ivr.clock().instant();
        String reference = ivr.voicemail().record(caller, callId);
        Instant now = reached(CallStep.VOICEMAIL);
        recorder.write("the voice message", new StepRecord.VoicemailLeft(callId, reference, now));
        escalateIfInDanger(reference == null ? EscalationNeeded.Kind.WAITING_EMERGENCY
                : EscalationNeeded.Kind.EMERGENCY_VOICEMAIL, now);
        ivr.metrics().timeStep("voicemail", Duration.between(start, now));
        finish(CallOutcome.VOICEMAIL.code());
        ivr.voicemail().thank(caller);
        done();
    }

    private void callAgain() {
        escalateIfInDanger(EscalationNeeded.Kind.WAITING_EMERGENCY, ivr.clock().instant());
        caller.play(Prompt.CALL_AGAIN.file(), "");
        record(CallOutcome.CLOSED);
        done();
    }

    private void done() {
        caller.setVariable(ChannelVariables.NEXT, ChannelVariables.NEXT_HANGUP);
        caller.setVariable(ChannelVariables.IVR_DONE, "1");
    }

    /** Publishes one escalation for a caller in danger on the closed path; nothing for anyone else. */
    private void escalateIfInDanger(EscalationNeeded.Kind kind, Instant since) {
        if (dangerUnanswered) {
            dangerUnanswered = false;
            ivr.dispatch().escalate(new EscalationNeeded(kind, callId, language.code(), since));
        }
    }

    private void abandoned() {
        if (step == CallStep.CALLBACK_REQUESTED) {
            // Hanging up after accepting a callback is what the caller was asked to do: the call waits in the queue.
            return;
        }
        // A caller in danger who hung up on the closed path before leaving a message is still escalated.
        escalateIfInDanger(EscalationNeeded.Kind.WAITING_EMERGENCY, ivr.clock().instant());
        if (step == CallStep.QUEUED) {
            leftQueue(CallOutcome.ABANDONED_IN_QUEUE);
        }
        record(step.inMenu() ? CallOutcome.ABANDONED_IN_MENU : CallOutcome.ABANDONED_IN_QUEUE);
    }

    /** The caller goes to the dialplan's fallback queue; a queued call leaves dispatch's queue at once. */
    private void fallback() {
        leftQueue(CallOutcome.FALLBACK);
        record(CallOutcome.FALLBACK);
    }

    /** Tells dispatch a queued caller is gone, so the call leaves the queue and any offer is withdrawn. */
    private void leftQueue(CallOutcome why) {
        if (step == CallStep.QUEUED && !toldDispatchLeft) {
            toldDispatchLeft = true;
            ivr.dispatch().left(new CallLeft(callId, why));
        }
    }

    private void record(CallOutcome outcome) {
        CallStep at = step;
        Instant now = ivr.clock().instant();
        recorder.write("the outcome", new StepRecord.Outcome(callId, outcome, at, now));
        finish(outcome.code());
    }

    /** Counts the call once, however many ways it ends. */
    private void finish(String result) {
        if (!finished) {
            finished = true;
            ivr.metrics().finished(language == null ? "none" : language.code(),
                    purpose == null ? "none" : purpose.code(), result);
        }
    }

    private Instant reached(CallStep next) {
        Instant now = ivr.clock().instant();
        step = next;
        steps.put(next, now);
        return now;
    }

    private CallIntake intake() {
        return new CallIntake(callId, asteriskUniqueId, language, purpose, purpose.priority(), pseudonym, country,
                steps);
    }
}
