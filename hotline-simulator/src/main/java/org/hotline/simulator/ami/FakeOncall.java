package org.hotline.simulator.ami;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code [hotline-oncall]} of asterisk-conf/extensions.conf in the fake: what a paged duty phone does after its
 * key, with the time a prompt takes to play. {@code page}: 1 goes to {@code message} for a voice message (raising
 * {@code UserEvent(HotlineOncallAck)} before the Playback, as app_userevent.c publishes it with the channel's
 * snapshot), else to {@code [hotline-callcontrol] oncall}; any other key hangs up. {@code message}: 1 plays the
 * recording again, anything else hangs up. {@code caller-gone} (a Redirect): one sentence, then Hangup().
 */
final class FakeOncall {
    static final String CONTEXT = "hotline-oncall";
    static final String PAGE = "page";
    static final String MESSAGE = "message";
    static final String CALLER_GONE = "caller-gone";
    /** A staff sentence takes about this long to play; Hangup() follows only once it has been heard. */
    static final Duration SENTENCE = Duration.ofMillis(1500);
    /** [globals] HOTLINE_VOICEMAIL_DIR. */
    static final String VOICEMAIL_DIR = "/var/spool/asterisk/hotline-voicemail";

    private final FakePbx pbx;
    /** What each channel played, by channel name; kept after it hangs up. */
    private final Map<String, List<String>> played = new ConcurrentHashMap<>();

    FakeOncall(FakePbx pbx) {
        this.pbx = pbx;
    }

    static boolean exists(String exten) {
        return PAGE.equals(exten) || MESSAGE.equals(exten) || CALLER_GONE.equals(exten);
    }

    /** The duty person presses {@code digit} where they are. */
    void press(FakeChannel channel, char digit) {
        if (digit != '1') {
            pbx.hangup(channel.name);
        } else if (PAGE.equals(channel.exten) && MESSAGE.equals(channel.variables.get("HOTLINE_WAITING"))) {
            pbx.enter(channel, CONTEXT, MESSAGE);
            pbx.publish(channel.describe(new AmiMessage().with("Event", "UserEvent").with("Privilege", "user,all"))
                    .with("UserEvent", "HotlineOncallAck"));
            playMessage(channel);
        } else if (PAGE.equals(channel.exten)) {
            pbx.enter(channel, FakeDialplan.CONTEXT, FakeDialplan.ONCALL_ACK);
        } else if (MESSAGE.equals(channel.exten)) {
            playMessage(channel);
        }
    }

    /** A Redirect brought {@code channel} to {@code exten} of {@code [hotline-oncall]}. */
    void entered(FakeChannel channel, String exten) {
        if (CALLER_GONE.equals(exten)) {
            play(channel, "hotline-staff/caller-gone");
            Thread.ofVirtual().name("fake-oncall-caller-gone").start(() -> {
                sleep(SENTENCE);
                pbx.hangup(channel.name);
            });
        }
    }

    List<String> played(String channel) {
        return List.copyOf(played.getOrDefault(channel, List.of()));
    }

    /** Playback(${HOTLINE_VOICEMAIL_DIR}/${FILTER(0-9a-f\-,${HOTLINE_MESSAGE})}). */
    private void playMessage(FakeChannel channel) {
        String message = channel.variables.getOrDefault("HOTLINE_MESSAGE", "").replaceAll("[^0-9a-f-]", "");
        play(channel, VOICEMAIL_DIR + "/" + message);
    }

    private void play(FakeChannel channel, String file) {
        played.computeIfAbsent(channel.name, n -> new CopyOnWriteArrayList<>()).add(file);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
