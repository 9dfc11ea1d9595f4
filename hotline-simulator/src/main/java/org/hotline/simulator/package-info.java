/**
 * A fake Asterisk 22 that speaks FastAGI over TCP, and a call simulator built on it.
 *
 * <ul>
 *   <li>{@link org.hotline.simulator.FakeCall}: one call with a scripted caller, run against a FastAGI server;
 *       {@link org.hotline.simulator.CallRecord} is what it saw.</li>
 *   <li>{@link org.hotline.simulator.FakeAsterisk#runAll}: many calls at once, on virtual threads.</li>
 *   <li>{@link org.hotline.simulator.RawAgiConnection}: raw bytes, for malformed-input tests.</li>
 *   <li>{@link org.hotline.simulator.Simulation} and the {@code simulate} command
 *       ({@link org.hotline.simulator.SimulateCommand}): synthetic load with realistic caller behaviour.</li>
 * </ul>
 *
 * <p>The fake takes real time, because a zero-time fake once hid a bug (an operator's accept lost while the IVR
 * was inside a long prompt). A playback (STREAM FILE, GET OPTION, GET DATA, CONTROL STREAM FILE, EXEC
 * Playback/Background) lasts as long as its sound file: {@code <sounds>/<language>/<file>.wav}, else
 * {@code <sounds>/<file>.wav} (how {@code prs/hotline/lang-option} plays in Dari), where the language is
 * {@code CHANNEL(language)} once the server sets it and {@code agi_language} before. The length comes from the
 * WAV header (data chunk size over byte rate); a missing or unreadable file lasts a stand-in (2 s by default).
 * {@code <sounds>} is {@code FakeCall.Builder#soundsDir}, by default the nearest {@code asterisk-conf/sounds} at
 * or above the working directory.
 *
 * <p>Keys follow Asterisk's {@code waitstream_core} (main/file.c): a key pressed during a playback ends it at
 * that moment if it is an escape digit ({@code endpos} = samples played, 8 per ms; CONTROL STREAM FILE reports
 * milliseconds, -1 at the end), GET DATA and Background stop on any key, and any other key is read and dropped,
 * so no later WAIT FOR DIGIT hears it. GET OPTION reports a key heard in its wait only if it is an escape digit
 * (res_agi). A key scripted for a moment past its prompt's end is heard by whatever plays or listens then, and
 * is lost if nothing does (Asterisk drops keys between AGI commands).
 *
 * <p>A test may opt out only by saying why: {@code playbackTime(d)} makes every prompt last {@code d},
 * {@code instantPrompts(why)} makes prompts take no time.
 *
 * <p>Nothing here logs or reports a caller's number or name: only unique ids and command names.
 */
package org.hotline.simulator;
