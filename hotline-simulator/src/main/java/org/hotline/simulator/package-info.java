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
 * <p>Nothing here logs or reports a caller's number or name: only unique ids and command names.
 */
package org.hotline.simulator;
