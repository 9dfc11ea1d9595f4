package org.hotline.agi.server;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiChannelFactory;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiReader;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiWriter;
import org.asteriskjava.fastagi.command.VerboseCommand;
import org.asteriskjava.fastagi.internal.DefaultAgiChannelFactory;

/**
 * Asterisk-Java's channels, minus VERBOSE. The library answers an unknown script name with a VERBOSE line that
 * quotes the request URL back to Asterisk, and that URL is request data we never echo. Our scripts send no
 * VERBOSE, so refusing it (the library ignores the failure) leaves {@code AJ_AGISTATUS=NOT_FOUND} as the only
 * command an unknown script gets.
 */
final class NoVerboseChannels implements AgiChannelFactory {
    private final AgiChannelFactory channels = new DefaultAgiChannelFactory();

    @Override
    public AgiChannel createAgiChannel(AgiRequest request, AgiWriter writer, AgiReader reader) {
        return channels.createAgiChannel(request, command -> {
            if (command instanceof VerboseCommand) {
                throw new AgiException("VERBOSE is not sent: it would echo request data to Asterisk");
            }
            writer.sendCommand(command);
        }, reader);
    }
}
