package org.hotline.dispatch.operators;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The people who may sign in, and the record of their states. Blocking: worker or virtual threads only. */
public interface OperatorDirectory {

    /** Adds a person; fails if the username is taken. */
    Operator add(NewOperator operator, String passwordHash);

    Optional<Operator> byId(String id);

    Optional<Operator> byUsername(String username);

    /** The stored password hash of an enabled person, for sign-in. */
    Optional<String> passwordHash(String username);

    List<Operator> all();

    void setEnabled(String username, boolean enabled);

    void setPasswordHash(String username, String passwordHash);

    /** Replaces what a person's calls depend on: display name, languages, interpreter and endpoint (null for none). */
    void updateProfile(String operatorId, String displayName, java.util.Set<org.hotline.core.call.Language> languages,
                       boolean interpreter, String endpoint);

    /** Changes a person's role. */
    void setRole(String operatorId, Role role);

    /** How many enabled admins there are. */
    int enabledAdmins();

    /** The last state recorded for the person, with its call; empty if none was ever recorded. */
    Optional<RecordedState> lastState(String operatorId);

    /**
     * Appends a state change (with the call it concerns, if any), ending the state before it. Call it one at a time
     * per person, in the order the changes happened where possible; a change recorded late still lands in place.
     */
    void recordState(String operatorId, OperatorState state, Instant at, String callId, String reason);

    /** The language code the person chose for the screens; empty if they never chose (English). */
    Optional<String> interfaceLanguage(String operatorId);

    /** Stores the person's choice of screen language (a bundle code). */
    void setInterfaceLanguage(String operatorId, String languageCode);
}
