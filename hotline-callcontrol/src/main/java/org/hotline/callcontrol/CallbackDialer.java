package org.hotline.callcontrol;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hotline.core.bus.CallbackDial;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.bus.CallbackResult.Result;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackId;
import org.hotline.core.callback.CallbackVault;

/**
 * Makes a callback on the one AMI connection: rings the operator's phone into the call's conference, then
 * decrypts the caller's number here, server-side, and dials it through the trunk into the same conference, up to
 * {@code callback.attempts} times. The number is destroyed as soon as the caller answers or the last attempt
 * fails, and lives meanwhile only in this method's closure and the one Originate action: never in a log, a field,
 * an event-bus message or the live-call board. Runs on the call-control verticle's event loop; the vault's file
 * work runs on a worker.
 */
final class CallbackDialer {
    private final Vertx vertx;
    private final CallbackConfig config;
    private final CallbackVault vault;
    private final Clock clock;
    private final Function<Effect.Action, Future<EffectRunner.Outcome>> ami;
    private final Duration responseLimit;
    /** Originates waiting for their OriginateResponse, by the uniqueid we gave the channel. */
    private final Map<String, Promise<AmiEvent.Originated>> waiting = new HashMap<>();
    /** Connected callbacks, by the unique id of each of their two legs: either leg's hangup ends the call. */
    private final Map<String, Talk> talking = new HashMap<>();

    /** A connected callback: the operator's leg and the caller's leg, and when the caller answered. */
    private record Talk(String callId, AmiEvent.Originated operator, AmiEvent.Originated caller,
                        java.time.Instant answeredAt) {
    }

    CallbackDialer(Vertx vertx, CallbackConfig config, CallbackVault vault, Clock clock,
                   Function<Effect.Action, Future<EffectRunner.Outcome>> ami, Duration responseLimit) {
        this.responseLimit = responseLimit;
        this.vertx = vertx;
        this.config = config;
        this.vault = vault;
        this.clock = clock;
        this.ami = ami;
    }

    /** Takes an OriginateResponse that answers one of ours; false for any other. */
    boolean originated(AmiEvent.Originated event) {
        Promise<AmiEvent.Originated> promise = waiting.remove(event.uniqueId());
        if (promise == null) {
            return false;
        }
        promise.complete(event);
        return true;
    }

    Future<CallbackResult> dial(CallbackDial request) {
        CallbackId id = new CallbackId(request.callbackId());
        String room = LiveCall.ROOM_PREFIX + request.callId();
        return vertx.executeBlocking(() -> vault.reveal(id, clock.instant()), false).compose(number -> {
            if (number.isEmpty()) {
                return destroy(id).map(v -> result(request, Result.EXPIRED, 0, 0));
            }
            return originate(request.callId(), request.operatorEndpoint(), Exten.OPERATOR, room).compose(operator -> {
                if (!operator.answered()) {
                    return Future.succeededFuture(result(request, operator.reason() < 0
                            ? Result.UNAVAILABLE : Result.OPERATOR_UNREACHABLE, 0, operator.reason()));
                }
                return attempt(request, number, room, 1, operator).compose(done -> {
                    if (done.result() == Result.FAILED) {
                        ami.apply(new Effect.Hangup(request.callId(), operator.channel()));
                    }
                    return destroy(id).map(v -> done);
                });
            });
        });
    }

    /** Dials the caller; on failure waits {@code callback.retry-pause} and tries again until attempts run out. */
    private Future<CallbackResult> attempt(CallbackDial request, Optional<String> number, String room, int n,
                                           AmiEvent.Originated operator) {
        return originate(request.callId(), config.channelFor(number.orElseThrow()), Exten.CALLER, room)
                .compose(caller -> {
                    if (caller.answered()) {
                        Talk talk = new Talk(request.callId(), operator, caller, clock.instant());
                        talking.put(operator.uniqueId(), talk);
                        talking.put(caller.uniqueId(), talk);
                        return Future.succeededFuture(result(request, Result.CONNECTED, n, 0));
                    }
                    if (n >= config.attempts()) {
                        return Future.succeededFuture(result(request, Result.FAILED, n, Math.max(caller.reason(), 0)));
                    }
                    Promise<Void> pause = Promise.promise();
                    vertx.setTimer(Math.max(1, config.retryPause().toMillis()), t -> pause.complete());
                    return pause.future().compose(v -> attempt(request, number, room, n + 1, operator));
                });
    }

    /**
     * Rings {@code endpoint} into the conference and waits for Asterisk's OriginateResponse. An action Asterisk
     * refused or never answered, or a response that never came (Asterisk went away), counts as unanswered with
     * reason -1.
     */
    private Future<AmiEvent.Originated> originate(String callId, String endpoint, Exten exten, String room) {
        String channelId = "hotline-cb-" + UUID.randomUUID();
        Promise<AmiEvent.Originated> response = Promise.promise();
        waiting.put(channelId, response);
        return ami.apply(new Effect.Originate(callId, endpoint, exten, room, channelId, null)).compose(sent -> {
            if (sent.problem() != null) {
                waiting.remove(channelId);
                return Future.succeededFuture(new AmiEvent.Originated(channelId, null, false, -1));
            }
            vertx.setTimer(responseLimit.toMillis(), t -> {
                if (waiting.remove(channelId) != null) {
                    response.tryComplete(new AmiEvent.Originated(channelId, null, false, -1));
                }
            });
            return response.future();
        });
    }

    /**
     * A leg of a connected callback hung up: the other leg is hung up too, and the call's end (answered, talk
     * time) goes to {@code ended}, as the hangup handler reports an inbound call's, so the operator's wrap-up
     * follows. Any other channel: false.
     */
    boolean hungUp(AmiEvent.HungUp event, java.util.function.Consumer<org.hotline.core.bus.CallEnded> ended) {
        Talk talk = talking.remove(event.uniqueId());
        if (talk == null) {
            return false;
        }
        AmiEvent.Originated other = talk.operator().uniqueId().equals(event.uniqueId()) ? talk.caller()
                : talk.operator();
        talking.remove(other.uniqueId());
        if (other.channel() != null) {
            ami.apply(new Effect.Hangup(talk.callId(), other.channel()));
        }
        java.time.Instant now = clock.instant();
        ended.accept(new org.hotline.core.bus.CallEnded(talk.callId(), "ANSWER",
                Math.toIntExact(Math.round(Duration.between(talk.answeredAt(), now).toMillis() / 1000.0)), now));
        return true;
    }

    private Future<Void> destroy(CallbackId id) {
        return vertx.executeBlocking(() -> vault.destroy(id), false).mapEmpty();
    }

    private static CallbackResult result(CallbackDial request, Result result, int attempts, int reason) {
        return new CallbackResult(request.callId(), request.callbackId(), result, attempts, reason);
    }
}
