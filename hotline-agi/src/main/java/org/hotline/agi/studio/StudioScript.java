package org.hotline.agi.studio;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.agi.call.Caller;
import org.hotline.agi.call.CallerHungUp;
import org.hotline.agi.call.ConnectionCut;
import org.hotline.agi.call.IvrFailure;
import org.hotline.core.prompts.PromptRecordings;
import org.hotline.core.prompts.PromptTexts;
import org.hotline.core.prompts.PromptsConfig;
import org.hotline.core.prompts.RecordingInstaller;
import org.hotline.core.prompts.StudioPins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The {@code hotline-studio} script (dialplan {@code *77} from an operator's phone): a speaker records the prompts of
 * their language by phone. It asks for their studio number and PIN (set on the studio page; checked against its
 * Argon2id hash, locked after repeated failures, never logged), then the language, then hands over to a
 * {@link StudioSession}. The instructions are Asterisk's stock English sounds (staff, not callers, hear them); the
 * language menu is the IVR's own {@code lang-option} prompts.
 */
public final class StudioScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(StudioScript.class);
    static final String ASK_NUMBER = "agent-user";
    static final String ASK_PIN = "agent-pass";
    static final String INCORRECT = "auth-incorrect";
    static final String GOODBYE = "vm-goodbye";
    private static final Duration DIGITS_TIMEOUT = Duration.ofSeconds(10);
    private static final int SIGN_IN_ATTEMPTS = 3;

    private final StudioServices studio;

    public StudioScript(StudioServices studio) {
        this.studio = studio;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        MDC.put("studio", UUID.randomUUID().toString().substring(0, 8));
        Caller caller = new Caller(channel);
        try {
            caller.answer();
            String speaker = signIn(caller);
            if (speaker == null) {
                caller.playFile(GOODBYE, "");
                return;
            }
            String language = chooseLanguage(caller);
            if (language != null) {
                new StudioSession(studio, caller, speaker, language).run();
            }
            caller.playFile(GOODBYE, "");
        } catch (CallerHungUp | ConnectionCut e) {
            LOG.info("Studio call ended by the speaker");
        } catch (IvrFailure e) {
            LOG.warn("Studio call failed: {}", e.getMessage());
        } finally {
            MDC.remove("studio");
        }
    }

    /** The speaker's operator id, or null after too many failures or a locked PIN. */
    private String signIn(Caller caller) {
        for (int attempt = 1; attempt <= SIGN_IN_ATTEMPTS; attempt++) {
            String number = caller.readDigits(ASK_NUMBER, DIGITS_TIMEOUT, 8);
            char[] pin = caller.readDigits(ASK_PIN, DIGITS_TIMEOUT, 8).toCharArray();
            try {
                StudioPins.Check check = number.isEmpty() || pin.length == 0 ? new StudioPins.Check.Refused()
                        : studio.pins().check(number, pin, studio.clock().instant());
                switch (check) {
                    case StudioPins.Check.Accepted accepted -> {
                        LOG.info("Studio sign-in accepted for studio number {}", number);
                        return accepted.operatorId();
                    }
                    case StudioPins.Check.Locked locked -> {
                        LOG.warn("Studio sign-in refused: the PIN of studio number {} is locked", number);
                        caller.playFile(INCORRECT, "");
                        return null;
                    }
                    case StudioPins.Check.Refused refused -> {
                        LOG.info("Studio sign-in refused (attempt {})", attempt);
                        caller.playFile(INCORRECT, "");
                    }
                }
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
        return null;
    }

    /** Plays each language's {@code lang-option} prompt ("for Dari press 1", ...) and returns the one chosen. */
    private String chooseLanguage(Caller caller) {
        List<String> languages = PromptTexts.LANGUAGES;
        String keys = "123456".substring(0, languages.size());
        for (int round = 0; round < 3; round++) {
            for (String language : languages) {
                char key = caller.playFile(language + "/hotline/lang-option", keys);
                if (key != Caller.NO_KEY) {
                    return languages.get(key - '1');
                }
            }
            char key = caller.waitForKey(Duration.ofSeconds(5));
            if (key != Caller.NO_KEY && keys.indexOf(key) >= 0) {
                return languages.get(key - '1');
            }
        }
        return null;
    }

    /** What the studio needs, shared by every studio call. */
    public record StudioServices(PromptTexts texts, PromptRecordings recordings, StudioPins pins,
                                 RecordingInstaller installer, PromptsConfig config, Runnable changed, Clock clock) {
    }
}
