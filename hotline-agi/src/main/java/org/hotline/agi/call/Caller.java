package org.hotline.agi.call;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiNetworkException;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetFullVariableCommand;
import org.asteriskjava.fastagi.command.RecordFileCommand;
import org.asteriskjava.fastagi.command.SetMusicOffCommand;
import org.asteriskjava.fastagi.command.SetMusicOnCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.asteriskjava.fastagi.command.WaitForDigitCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.agi.server.ConnectionRefused;
import org.hotline.core.prompts.PromptPlayback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller's channel, as the IVR needs it. Every command goes through Asterisk-Java's command classes (never
 * a hand-built string), and every way Asterisk signals a hangup becomes {@link CallerHungUp}.
 */
public final class Caller {
    /** Returned when no key was pressed. */
    public static final char NO_KEY = 0;

    private static final Logger LOG = LoggerFactory.getLogger(Caller.class);
    /**
     * Asterisk's stock class. A class named here that musiconhold.conf does not define (or whose directory has no
     * files) logs a WARNING at every hold before Asterisk falls back to "default" (res_musiconhold.c
     * get_mohbyname); asterisk-conf/musiconhold.conf says how to install and switch to a hotline class.
     */
    static final String MUSIC_CLASS = "default";
    private static final Pattern RESULT = Pattern.compile("-?[0-9]{1,10}");
    /** Our prompts: {@code hotline/<key>} in the channel language, or {@code <language>/hotline/<key>}. */
    private static final Pattern OUR_PROMPT = Pattern.compile("(?:([a-z]{2,3})/)?hotline/([a-z0-9-]+)");

    private final AgiChannel channel;
    private final PromptPlayback recordings;
    /** The language the caller chose; until then a prompt in "the channel language" is its placeholder. */
    private String language;

    public Caller(AgiChannel channel) {
        this(channel, PromptPlayback.placeholdersOnly());
    }

    /** @param recordings the approved recordings, played over the placeholders (an in-memory lookup) */
    public Caller(AgiChannel channel, PromptPlayback recordings) {
        this.channel = channel;
        this.recordings = recordings;
    }

    public void answer() {
        send(new AnswerCommand());
    }

    /** Sets the channel language (Asterisk's own prompts follow it) and plays our prompts in it. */
    public void speak(String languageCode) {
        setVariable("CHANNEL(language)", languageCode);
        this.language = languageCode;
    }

    /**
     * Plays a prompt, stopping early when one of {@code keys} is pressed; returns that key or {@link #NO_KEY}. One of
     * our prompts plays its approved recording when there is one; if Asterisk cannot play that file (not synced to
     * the Asterisk host yet), the placeholder plays instead, so the caller never hears silence.
     */
    public char play(String file, String keys) {
        Matcher ours = OUR_PROMPT.matcher(file);
        if (ours.matches()) {
            String in = ours.group(1) != null ? ours.group(1) : language;
            Optional<String> recorded = in == null ? Optional.empty()
                    : recordings.recorded(in, ours.group(2));
            if (recorded.isPresent()) {
                AgiReply reply = send(new StreamFileCommand(recorded.get(), keys));
                if (reply.getResultCode() >= 0) {
                    return (char) reply.getResultCode();
                }
                send(new ChannelStatusCommand());
                LOG.warn("Recorded prompt {} {} could not be played (is the recordings folder synced to Asterisk?); "
                        + "playing its placeholder", in, ours.group(2));
            }
        }
        return playFile(file, keys);
    }

    /** Plays exactly {@code file}, with no recording lookup. */
    public char playFile(String file, String keys) {
        AgiReply reply = send(new StreamFileCommand(file, keys));
        int result = reply.getResultCode();
        if (result < 0) {
            // Asterisk answers -1 both for a hangup and for a missing sound file. A hangup makes the next command
            // fail, so probe once; a missing prompt is logged and the call goes on rather than dropping.
            send(new ChannelStatusCommand());
            LOG.warn("Prompt {} could not be played; check the sound files", file);
            return NO_KEY;
        }
        return (char) result;
    }

    /**
     * Plays {@code file} and reads up to {@code maxDigits} keys ending with {@code #} (GET DATA); empty when none
     * came within {@code timeout}. The digits may be a PIN: they are never logged.
     */
    public String readDigits(String file, Duration timeout, int maxDigits) {
        AgiReply reply;
        try {
            reply = channel.sendCommand(new GetDataCommand(file, timeout.toMillis(), maxDigits));
        } catch (AgiHangupException | AgiNetworkException e) {
            throw new CallerHungUp();
        } catch (AgiException | RuntimeException e) {
            throw new IvrFailure("Asterisk refused GetDataCommand", null);
        }
        String result = reply.getResult();
        if (result == null || result.isEmpty()) {
            return "";
        }
        if (result.equals("-1")) {
            throw new CallerHungUp();
        }
        return result.chars().allMatch(Character::isDigit) ? result : "";
    }

    /** Waits for one key; {@link #NO_KEY} when none came in time. */
    public char waitForKey(Duration timeout) {
        int result = send(new WaitForDigitCommand(timeout.toMillis())).getResultCode();
        if (result < 0) {
            throw new CallerHungUp();
        }
        return (char) result;
    }

    public void setVariable(String name, String value) {
        send(new SetVariableCommand(name, value));
    }

    /** A channel variable or dialplan function's value, or null when unset or empty. */
    public String variable(String name) {
        AgiReply reply = send(new GetFullVariableCommand("${" + name + "}"));
        if (reply.getResultCode() != 1) {
            return null;
        }
        String value = reply.getExtra();
        return value == null || value.isEmpty() ? null : value;
    }

    public void musicOn() {
        send(new SetMusicOnCommand(MUSIC_CLASS));
    }

    public void musicOff() {
        send(new SetMusicOffCommand());
    }

    /**
     * Records the caller into {@code file} (without extension) as WAV, with a beep, until {@code stopKeys},
     * {@code maxLength} or 5 s of silence.
     */
    public void record(String file, String stopKeys, Duration maxLength) {
        send(new RecordFileCommand(file, "wav", stopKeys, (int) maxLength.toMillis(), 0, true, 5));
    }

    /**
     * Records into {@code file} (without extension) as WAV after a beep, ending at {@code stopKeys}, {@code maxLength}
     * or {@code silenceSeconds} of silence; false when Asterisk could not write the file.
     */
    public boolean record(String file, String stopKeys, Duration maxLength, int silenceSeconds) {
        return send(new RecordFileCommand(file, "wav", stopKeys, (int) maxLength.toMillis(), 0, true,
                silenceSeconds)).getResultCode() >= 0;
    }

    private AgiReply send(AgiCommand command) {
        AgiReply reply;
        try {
            reply = channel.sendCommand(command);
        } catch (AgiHangupException | AgiNetworkException e) {
            if (ConnectionRefused.cutOnThisThread()) {
                throw new ConnectionCut();
            }
            throw new CallerHungUp();
        } catch (AgiException e) {
            throw new IvrFailure("Asterisk refused " + command.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            // Asterisk-Java parses replies itself; a garbled reply surfaces as an unchecked exception.
            throw new IvrFailure("unreadable reply to " + command.getClass().getSimpleName(), e);
        }
        // Every command here is answered "200 result=<number>". Asterisk-Java reads a garbled result such as
        // "200 result=" as -1, which would pass for a hangup (or a missing prompt) and hide the fault.
        if (reply.getResult() == null || !RESULT.matcher(reply.getResult()).matches()) {
            throw new IvrFailure("unreadable reply to " + command.getClass().getSimpleName(), null);
        }
        return reply;
    }
}
