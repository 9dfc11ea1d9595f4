package org.hotline.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Turns a {@link Profile} into concrete callers: who calls (synthetic numbers) and what they do in the
 * IVR. The menu facts come from the hotline's IVR: language keys 1-6 heard after the language prompts or
 * as a barge-in on them, purpose keys 1-4 (1 = in danger), a hold that polls with WAIT FOR DIGIT, and a
 * voice message on key 9 after {@code hotline/voicemail-offer}.
 */
final class CallerPlans {

    /** What one simulated caller does; {@link Profile#MIXED} draws one per call. */
    enum Behaviour {
        COMPLETE, EMERGENCY, HANGUP_IN_LANGUAGE_MENU, HANGUP_IN_PURPOSE_MENU, SILENT, INVALID_KEYS;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A call ready to place, with the behaviour it scripts. */
    record PlannedCall(FakeCall call, Behaviour behaviour) {
    }

    static final String LANGUAGE_OPTION = "hotline/lang-option";
    static final String WELCOME = "hotline/welcome";
    static final String PURPOSE = "hotline/purpose";
    static final String VOICEMAIL_OFFER = "hotline/voicemail-offer";
    /** Language codes in the default menu order (keys 1-6). */
    private static final List<String> LANGUAGES = List.of("prs", "ps", "tg", "tk", "uz", "ur");
    private static final String INVALID_LANGUAGE_KEYS = "0789*#A";
    private static final String INVALID_PURPOSE_KEYS = "056789*#";

    private final SimulationOptions options;
    private final Random random;

    CallerPlans(SimulationOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
    }

    /** The next caller; calls are planned in order from one seeded generator, so a seed repeats a run. */
    PlannedCall next() {
        Behaviour behaviour = behaviourFor(options.profile());
        FakeCall.Builder builder = FakeCall.builder(options.host(), options.port());
        withCaller(builder);
        if (options.promptTime() != null) {
            builder.playbackTime(options.promptTime());
        }
        if (options.soundsDir() != null) {
            builder.soundsDir(options.soundsDir());
        }
        switch (behaviour) {
            case COMPLETE -> {
                chooseLanguage(builder);
                choosePurpose(builder, randomPurpose());
                if (random.nextInt(100) < 40) {
                    builder.pressAfterPrompt(VOICEMAIL_OFFER, '9');
                }
            }
            case EMERGENCY -> {
                chooseLanguage(builder);
                choosePurpose(builder, '1');
            }
            case HANGUP_IN_LANGUAGE_MENU -> {
                // Hang up while one language's option plays, or at the menu's first listening command if the
                // server names its prompts differently: either way the caller never gets past the menu.
                String option = LANGUAGES.get(random.nextInt(LANGUAGES.size())) + "/" + LANGUAGE_OPTION;
                builder.hangupWhen(command -> command.contains(option) || listens(command));
            }
            case HANGUP_IN_PURPOSE_MENU -> {
                chooseLanguage(builder);
                builder.hangupWhen(command -> command.contains(PURPOSE));
            }
            case SILENT -> {
                // An empty keypad: every listening command times out.
            }
            case INVALID_KEYS -> {
                builder.press(pick(INVALID_LANGUAGE_KEYS));
                chooseLanguage(builder);
                if (random.nextBoolean()) {
                    builder.press(pick(INVALID_PURPOSE_KEYS));
                }
                choosePurpose(builder, randomPurpose());
            }
        }
        return new PlannedCall(builder.build(), behaviour);
    }

    private Behaviour behaviourFor(Profile profile) {
        return switch (profile) {
            case COMPLETE -> Behaviour.COMPLETE;
            case EMERGENCY -> Behaviour.EMERGENCY;
            case SILENT -> Behaviour.SILENT;
            case INVALID_KEYS -> Behaviour.INVALID_KEYS;
            case HANGUP_IN_MENU -> random.nextBoolean()
                    ? Behaviour.HANGUP_IN_LANGUAGE_MENU : Behaviour.HANGUP_IN_PURPOSE_MENU;
            case MIXED -> mixed(random.nextInt(100));
        };
    }

    private static Behaviour mixed(int percent) {
        if (percent < 60) {
            return Behaviour.COMPLETE;
        }
        if (percent < 75) {
            return Behaviour.HANGUP_IN_LANGUAGE_MENU;
        }
        if (percent < 85) {
            return Behaviour.HANGUP_IN_PURPOSE_MENU;
        }
        return percent < 95 ? Behaviour.SILENT : Behaviour.INVALID_KEYS;
    }

    /** Synthetic callers only: mostly Afghan mobiles, some Pakistani, some unknown or withheld. */
    private void withCaller(FakeCall.Builder builder) {
        int kind = random.nextInt(100);
        if (kind < 80) {
            builder.callerId("+937" + digits(8));
        } else if (kind < 90) {
            builder.callerId("+923" + digits(9));
        } else if (kind < 95) {
            builder.callerId("unknown");
        } else {
            // Presentation restricted, as Asterisk reports a withheld number.
            builder.callerId("anonymous").callerIdName("Anonymous").header("agi_callingpres", "32");
        }
    }

    private void chooseLanguage(FakeCall.Builder builder) {
        char key = (char) ('1' + random.nextInt(LANGUAGES.size()));
        if (random.nextInt(100) < 30) {
            builder.pressDuring(LANGUAGE_OPTION, key);
        } else {
            builder.press(key);
        }
    }

    private void choosePurpose(FakeCall.Builder builder, char key) {
        if (random.nextInt(100) < 30) {
            builder.pressDuring(PURPOSE, key);
        } else {
            builder.press(key);
        }
    }

    /** 10% danger, 40% report a situation, 25% help for myself, 25% information. */
    private char randomPurpose() {
        int percent = random.nextInt(100);
        if (percent < 10) {
            return '1';
        }
        if (percent < 50) {
            return '2';
        }
        return percent < 75 ? '3' : '4';
    }

    private static boolean listens(String command) {
        String upper = command.stripLeading().toUpperCase(Locale.ROOT);
        return upper.startsWith("WAIT FOR DIGIT") || upper.startsWith("GET DATA") || upper.startsWith("GET OPTION");
    }

    private char pick(String keys) {
        return keys.charAt(random.nextInt(keys.length()));
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
