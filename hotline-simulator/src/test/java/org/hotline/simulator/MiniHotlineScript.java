package org.hotline.simulator;

import java.util.List;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;

/**
 * A tiny stand-in for the hotline IVR, with short timeouts: language menu (barge-in or WAIT FOR DIGIT,
 * one retry), purpose menu, a short hold with a voicemail offer, then a hand-off, a voice message, or no
 * "IVR done" for a caller who never chose anything.
 */
final class MiniHotlineScript implements AgiScript {
    private static final List<String> LANGUAGES = List.of("prs", "ps", "tg", "tk", "uz", "ur");
    private static final int LISTEN_MS = 150;

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.answer();
        channel.streamFile("hotline/welcome");
        char language = languageMenu(channel);
        String code = language == 0 ? "prs" : LANGUAGES.get(language - '1');
        channel.setVariable("HOTLINE_LANGUAGE", code);
        char purpose = purposeMenu(channel);
        for (int i = 0; i < 2; i++) {
            channel.streamFile("hotline/hold");
            channel.waitForDigit(LISTEN_MS);
        }
        channel.streamFile("hotline/voicemail-offer");
        if (channel.waitForDigit(LISTEN_MS) == '9') {
            channel.streamFile("hotline/voicemail-record");
            channel.recordFile("voicemail/" + request.getUniqueId(), "wav", "#", 100);
            finish(channel, "hangup");
        } else if (language != 0 || purpose != 0) {
            channel.setVariable("HOTLINE_TARGET", "PJSIP/1001");
            finish(channel, "dial");
        }
    }

    private static char languageMenu(AgiChannel channel) throws AgiException {
        for (int attempt = 0; attempt < 2; attempt++) {
            char key = 0;
            for (int i = 0; i < LANGUAGES.size() && key == 0; i++) {
                key = channel.streamFile(LANGUAGES.get(i) + "/hotline/lang-option", "123456");
            }
            if (key == 0) {
                key = channel.waitForDigit(LISTEN_MS);
            }
            if (key >= '1' && key <= '6') {
                return key;
            }
            channel.streamFile(key == 0 ? "hotline/no-input" : "hotline/invalid");
        }
        return 0;
    }

    private static char purposeMenu(AgiChannel channel) throws AgiException {
        for (int attempt = 0; attempt < 2; attempt++) {
            char key = channel.getOption("hotline/purpose", "1234", LISTEN_MS);
            if (key >= '1' && key <= '4') {
                return key;
            }
            channel.streamFile(key == 0 ? "hotline/no-input" : "hotline/invalid");
        }
        return 0;
    }

    private static void finish(AgiChannel channel, String next) throws AgiException {
        channel.setVariable("HOTLINE_NEXT", next);
        channel.setVariable("HOTLINE_IVR_DONE", "1");
    }
}
