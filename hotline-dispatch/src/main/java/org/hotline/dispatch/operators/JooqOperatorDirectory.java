package org.hotline.dispatch.operators;

import static org.hotline.core.db.Tables.OPERATORS;
import static org.hotline.core.db.Tables.OPERATOR_STATES;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hotline.core.call.Language;
import org.hotline.core.operator.OperatorStateHistory;
import org.hotline.core.db.tables.records.OperatorsRecord;
import org.jooq.DSLContext;

/** {@link OperatorDirectory} over jOOQ. */
public final class JooqOperatorDirectory implements OperatorDirectory {
    private final DSLContext dsl;
    private final org.hotline.core.lease.RoutingFence fence;

    public JooqOperatorDirectory(DSLContext dsl) {
        this(dsl, org.hotline.core.lease.RoutingFence.NONE);
    }

    /** A directory whose {@link #recordState} (routing's write) carries {@code fence}: refused once routing moved. */
    public JooqOperatorDirectory(DSLContext dsl, org.hotline.core.lease.RoutingFence fence) {
        this.dsl = dsl;
        this.fence = fence;
    }

    @Override
    public Operator add(NewOperator operator, String passwordHash) {
        String id = UUID.randomUUID().toString();
        dsl.insertInto(OPERATORS)
                .set(OPERATORS.ID, id)
                .set(OPERATORS.USERNAME, operator.username())
                .set(OPERATORS.DISPLAY_NAME, operator.displayName())
                .set(OPERATORS.ROLE, operator.role().code())
                .set(OPERATORS.LANGUAGES, operator.languages().stream().map(Language::code).sorted()
                        .collect(Collectors.joining(",")))
                .set(OPERATORS.INTERPRETER, operator.interpreter())
                .set(OPERATORS.ENDPOINT, operator.endpoint())
                .set(OPERATORS.PASSWORD_HASH, passwordHash)
                .set(OPERATORS.ENABLED, true)
                .set(OPERATORS.CREATED_AT, Instant.now().atOffset(ZoneOffset.UTC))
                .execute();
        return byId(id).orElseThrow();
    }

    @Override
    public Optional<Operator> byId(String id) {
        return dsl.selectFrom(OPERATORS).where(OPERATORS.ID.eq(id)).fetchOptional().map(JooqOperatorDirectory::toOperator);
    }

    @Override
    public Optional<Operator> byUsername(String username) {
        return dsl.selectFrom(OPERATORS).where(OPERATORS.USERNAME.eq(username)).fetchOptional()
                .map(JooqOperatorDirectory::toOperator);
    }

    @Override
    public Optional<String> passwordHash(String username) {
        return dsl.select(OPERATORS.PASSWORD_HASH).from(OPERATORS)
                .where(OPERATORS.USERNAME.eq(username)).and(OPERATORS.ENABLED.isTrue())
                .fetchOptional(OPERATORS.PASSWORD_HASH);
    }

    @Override
    public List<Operator> all() {
        return dsl.selectFrom(OPERATORS).orderBy(OPERATORS.USERNAME).fetch(JooqOperatorDirectory::toOperator);
    }

    @Override
    public void setEnabled(String username, boolean enabled) {
        requireOne(dsl.update(OPERATORS).set(OPERATORS.ENABLED, enabled).where(OPERATORS.USERNAME.eq(username))
                .execute(), username);
    }

    @Override
    public void setPasswordHash(String username, String passwordHash) {
        requireOne(dsl.update(OPERATORS).set(OPERATORS.PASSWORD_HASH, passwordHash)
                .where(OPERATORS.USERNAME.eq(username)).execute(), username);
    }

    @Override
    public void updateProfile(String operatorId, String displayName, java.util.Set<Language> languages,
                              boolean interpreter, String endpoint) {
        requireOne(dsl.update(OPERATORS).set(OPERATORS.DISPLAY_NAME, displayName)
                .set(OPERATORS.LANGUAGES, languages.stream().map(Language::code).sorted()
                        .collect(Collectors.joining(",")))
                .set(OPERATORS.INTERPRETER, interpreter).set(OPERATORS.ENDPOINT, endpoint)
                .where(OPERATORS.ID.eq(operatorId)).execute(), operatorId);
    }

    @Override
    public void setRole(String operatorId, Role role) {
        requireOne(dsl.update(OPERATORS).set(OPERATORS.ROLE, role.code()).where(OPERATORS.ID.eq(operatorId))
                .execute(), operatorId);
    }

    @Override
    public int enabledAdmins() {
        return dsl.fetchCount(OPERATORS, OPERATORS.ROLE.eq(Role.ADMIN.code()).and(OPERATORS.ENABLED.isTrue()));
    }

    @Override
    public void recordState(String operatorId, OperatorState state, Instant at, String callId, String reason) {
        dsl.transaction(tx -> {
            fence.check(tx.dsl());
            OperatorStateHistory.record(tx.dsl(), operatorId, state.code(), at, callId, reason);
        });
    }

    @Override
    public Optional<RecordedState> lastState(String operatorId) {
        return dsl.select(OPERATOR_STATES.STATE, OPERATOR_STATES.CALL_ID).from(OPERATOR_STATES)
                .where(OPERATOR_STATES.OPERATOR_ID.eq(operatorId))
                .orderBy(OPERATOR_STATES.CHANGED_AT.desc(), OPERATOR_STATES.ID.desc()).limit(1)
                .fetchOptional(r -> new RecordedState(OperatorState.fromCode(r.value1()), r.value2()));
    }

    private static void requireOne(int updated, String username) {
        if (updated != 1) {
            throw new IllegalArgumentException("no such user: " + username);
        }
    }

    @Override
    public Optional<String> interfaceLanguage(String operatorId) {
        return dsl.select(OPERATORS.INTERFACE_LANGUAGE).from(OPERATORS).where(OPERATORS.ID.eq(operatorId))
                .fetchOptional(OPERATORS.INTERFACE_LANGUAGE);
    }

    @Override
    public void setInterfaceLanguage(String operatorId, String languageCode) {
        int updated = dsl.update(OPERATORS).set(OPERATORS.INTERFACE_LANGUAGE, languageCode)
                .where(OPERATORS.ID.eq(operatorId)).execute();
        if (updated != 1) {
            throw new IllegalArgumentException("no such operator");
        }
    }

    private static Operator toOperator(OperatorsRecord r) {
        return new Operator(r.getId(), r.getUsername(), r.getDisplayName(), Role.fromCode(r.getRole()),
                Arrays.stream(r.getLanguages().split(",")).filter(s -> !s.isBlank()).map(Language::requireCode)
                        .collect(Collectors.toSet()), r.getInterpreter(), r.getEndpoint(), r.getEnabled());
    }
}
