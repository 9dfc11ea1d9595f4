package org.hotline.simulator;

/** How the scripted caller of a {@link FakeCall} hangs up. */
public enum HangupStyle {
    /**
     * What Asterisk 22 does when a caller hangs up while a FastAGI script runs: it writes {@code HANGUP},
     * answers the command in progress with {@code 200 result=-1}, answers every later command with
     * {@code 511 Command Not Permitted on a dead channel or intercept routine}, and waits for the server
     * to close the socket.
     */
    HANGUP_LINE,
    /** The connection simply drops: the fake closes its socket without a word. */
    EOF
}
