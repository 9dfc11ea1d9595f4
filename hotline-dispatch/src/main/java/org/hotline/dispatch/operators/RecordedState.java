package org.hotline.dispatch.operators;

/** A state as recorded in {@code operator_states}, with the call it concerned (null when none). */
public record RecordedState(OperatorState state, String callId) {
}
