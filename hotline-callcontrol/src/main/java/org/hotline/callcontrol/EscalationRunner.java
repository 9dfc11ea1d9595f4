package org.hotline.callcontrol;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallControlReply.Problem;
import org.hotline.core.bus.EscalationNeeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalation's I/O, on call control's event loop: loads the duty list and stores each change (worker threads,
 * in order), dials duty phones over call control's one AMI connection, keeps the acknowledgement timers, and
 * publishes each escalation to the wallboard. Duty phone numbers go into the Originate and nowhere else: no log
 * line, no bus message.
 */
final class EscalationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(EscalationRunner.class);

    private final Vertx vertx;
    private final EscalationDesk desk;
    private final EscalationConfig config;
    private final EscalationStore store;
    private final AmiActions actions;
    private final Function<ManagerAction, Future<EffectRunner.Outcome>> ami;
    private List<Escalation.Row> toResume = List.of();
    private boolean resumed;

    EscalationRunner(Vertx vertx, EscalationDesk desk, EscalationConfig config, EscalationStore store,
                     AmiActions actions, Function<ManagerAction, Future<EffectRunner.Outcome>> ami) {
        this.vertx = vertx;
        this.desk = desk;
        this.config = config;
        this.store = store;
        this.actions = actions;
        this.ami = ami;
    }

    /** Reads the escalations a stop interrupted; they page again once AMI is up ({@link #linkUp()}). */
    Future<Void> load() {
        return vertx.executeBlocking(store::paging, true).map(rows -> {
            toResume = rows;
            if (!rows.isEmpty()) {
                LOG.info("{} escalation(s) were paging at the last stop; they resume once AMI is up", rows.size());
            }
            return null;
        });
    }

    /** AMI logged in: resume what a restart interrupted (once). */
    void linkUp() {
        if (resumed) {
            return;
        }
        resumed = true;
        List<Escalation.Row> rows = toResume;
        toResume = List.of();
        if (rows.isEmpty()) {
            return;
        }
        vertx.executeBlocking(store::dutyList, true).onSuccess(duty -> {
            for (Escalation.Row row : rows) {
                LOG.info("Escalation {} for call {} resumes: round {}, position {}", row.id(), row.callId(),
                        row.round(), row.position() + 1);
                run(desk.resumed(Escalation.of(row, duty)));
            }
        }).onFailure(e -> LOG.error("Could not read the duty list to resume escalations: {}", e.toString()));
    }

    void needed(EscalationNeeded need) {
        vertx.executeBlocking(store::dutyList, true).onComplete(read -> {
            List<DutyPerson> duty = read.succeeded() ? read.result() : List.of();
            if (read.failed()) {
                LOG.error("Could not read the duty list for call {}: {}", need.callId(), read.cause().toString());
            }
            String id = UUID.randomUUID().toString();
            List<EscalationDesk.Step> steps = desk.needed(need, id, duty);
            if (!steps.isEmpty()) {
                LOG.warn("Escalation {} for call {} ({}): paging {} duty person(s)", id, need.callId(), need.kind(),
                        duty.size());
            }
            run(steps);
        });
    }

    JsonArray snapshot() {
        JsonArray out = new JsonArray();
        desk.snapshot().forEach(s -> out.add(s.toJson()));
        return out;
    }

    void run(List<EscalationDesk.Step> steps) {
        for (EscalationDesk.Step step : steps) {
            switch (step) {
                case EscalationDesk.Step.Save save -> vertx.executeBlocking(() -> {
                    store.save(save.row());
                    return null;
                }, true).onFailure(e -> LOG.error("Could not store escalation {}: {}", save.row().id(), e.toString()));
                case EscalationDesk.Step.Show show -> {
                    vertx.eventBus().publish(BusAddresses.ESCALATIONS, show.status().toJson());
                    if (!"paging".equals(show.status().state())) {
                        LOG.warn("Escalation {} for call {} {}{}", show.status().id(), show.status().callId(),
                                show.status().state(), show.status().acknowledgedAt() == null ? ""
                                        : " after " + java.time.Duration.between(show.status().startedAt(),
                                        show.status().acknowledgedAt()).toSeconds() + "s");
                    }
                }
                case EscalationDesk.Step.Page page -> page(page);
                case EscalationDesk.Step.HangUp hangUp -> ami.apply(new HangupAction(hangUp.channelId()));
                case EscalationDesk.Step.ToFallback fallback -> {
                    LOG.warn("The duty person hung up before their caller reached the room; the caller goes to the"
                            + " operators' fallback queue");
                    ami.apply(actions.toManager(new Effect.Redirect(fallback.callId(),
                            fallback.callerChannel(), Exten.FALLBACK)));
                }
                case EscalationDesk.Step.CallerGone gone -> {
                    LOG.info("The caller hung up before reaching the duty person who took the call; telling them");
                    ami.apply(actions.callerGone(gone.channelId()));
                }
                case EscalationDesk.Step.Wait wait -> vertx.setTimer(wait.after().toMillis(), t ->
                        run(desk.timedOut(wait.escalationId(), wait.channelId())));
            }
        }
    }

    private void page(EscalationDesk.Step.Page page) {
        Escalation escalation = page.escalation();
        LOG.info("Escalation {} for call {}: paging duty person {} (round {}, position {})", escalation.id,
                escalation.callId, page.person().id(), escalation.round, escalation.position + 1);
        String waiting = switch (escalation.kind) {
            case EMERGENCY_VOICEMAIL -> "message";
            case DECLINED_EMERGENCY -> "declined";
            case WAITING_EMERGENCY -> "call";
        };
        ami.apply(actions.page(config.channel(page.person().phone()), page.channelId(), escalation.room(),
                escalation.language, waiting, escalation.message())).onSuccess(outcome -> {
            if (outcome.problem() == Problem.REFUSED) {
                // Asterisk refused the dial outright: as good as the trunk refusing it.
                LOG.warn("Escalation {}: the page was refused; next on the duty list", escalation.id);
                run(desk.originated(page.channelId(), false));
            } else if (outcome.problem() != null) {
                // AMI down or silent: at the ack timeout the same person is paged again (EscalationDesk.notSent).
                LOG.warn("Escalation {}: the page could not be sent ({}); trying again", escalation.id,
                        outcome.problem().code());
                desk.notSent(page.channelId());
            }
        });
    }
}
