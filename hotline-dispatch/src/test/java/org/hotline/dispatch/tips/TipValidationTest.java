package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every field is checked against its list; a refusal is a 400 naming the field, and nothing is stored. */
class TipValidationTest extends ApiTestBase {
    Person operator;

    @BeforeAll
    void signInPeople() {
        operator = api.signIn("olga", Role.OPERATOR);
    }

    static Stream<Arguments> invalidForms() {
        return Stream.of(
                refused("no id", f -> remove(f, "id"), "id"),
                refused("id not a UUID", f -> f.put("id", "1234"), "id"),
                refused("no contact type", f -> remove(f, "contactType"), "contactType"),
                refused("unknown contact type", f -> f.put("contactType", "joke"), "contactType"),
                refused("substantive without a signal", f -> remove(f, "signal"), "signal"),
                refused("unknown signal", f -> f.put("signal", "rumour"), "signal"),
                refused("signal not text", f -> f.put("signal", 3), "signal"),
                refused("substantive without urgency", f -> f.put("urgency", ""), "urgency"),
                refused("substantive without consent", f -> remove(f, "consent"), "consent"),
                refused("unknown trafficking type", f -> f.put("traffickingType", "maritime"), "traffickingType"),
                refused("unknown form", f -> f.put("form", "piracy"), "form"),
                refused("unknown recruitment", f -> f.put("recruitment", "lottery"), "recruitment"),
                refused("control not a list", f -> f.put("control", "debt"), "control"),
                refused("unknown control", f -> f.put("control", new JsonArray().add("debt").add("charm")), "control"),
                refused("unknown country", f -> f.put("country", "XX"), "country"),
                refused("lower-case country", f -> f.put("country", "af"), "country"),
                refused("region without country", f -> remove(f, "country"), "country"),
                refused("region of another country", f -> f.put("country", "TJ"), "region"),
                refused("unknown region", f -> f.put("region", "AF-XYZ"), "region"),
                refused("unknown transit", f -> f.put("transit", "Narnia"), "transit"),
                refused("negative victims", f -> victims(f, v -> v.put("count", -1)), "victims.count"),
                refused("victims as text", f -> victims(f, v -> v.put("count", "3")), "victims.count"),
                refused("fractional victims", f -> victims(f, v -> v.put("count", 2.5)), "victims.count"),
                refused("too many victims", f -> victims(f, v -> v.put("count", 10_001)), "victims.count"),
                refused("breakdown over count", f -> victims(f, v -> v.put("male", 5)), "victims"),
                refused("breakdown without count", f -> victims(f, v -> v.remove("count")), "victims.count"),
                refused("minors not a flag", f -> victims(f, v -> v.put("minors", "yes")), "victims.minors"),
                refused("unknown victims field", f -> victims(f, v -> v.put("adults", 2)), "victims.adults"),
                refused("imminent danger not a flag", f -> f.put("imminentDanger", "yes"), "imminentDanger"),
                refused("unknown law-enforcement report", f -> f.put("lawEnforcement", "maybe"), "lawEnforcement"),
                refused("summary too long", f -> f.put("summary", "x".repeat(4001)), "summary"),
                refused("summary with NUL", f -> f.put("summary", "a\u0000b"), "summary"),
                refused("misspelt field", f -> f.put("summery", "text"), "summery"),
                refused("unknown partner", f -> referrals(f, TipForms.referral("zz-nobody", "shelter", true)),
                        "referrals[0].partnerId"),
                refused("partner id with SQL", f -> referrals(f, TipForms.referral("x' OR '1'='1", "shelter", true)),
                        "referrals[0].partnerId"),
                refused("unknown service", f -> referrals(f, TipForms.referral("af-iom", "spa", true)),
                        "referrals[0].service"),
                refused("referral without consent flag", f -> referrals(f, new JsonObject().put("partnerId", "af-iom")
                        .put("service", "shelter")), "referrals[0].consent"),
                refused("the same referral twice", f -> referrals(f, TipForms.referral("af-iom", "shelter", true),
                        TipForms.referral("af-iom", "shelter", false)), "referrals[1]"),
                refused("referral not an object", f -> f.put("referrals", new JsonArray().add("af-iom")),
                        "referrals[0]"),
                refused("referrals without a country", f -> referrals(remove(remove(f, "region"), "country"),
                        TipForms.referral("af-iom", "shelter", true)), "country"),
                refused("referrals on a prank", f -> referrals(f.put("contactType", "prank"),
                        TipForms.referral("af-iom", "shelter", true)), "referrals"),
                refused("too many referrals", f -> referrals(f, IntStream.range(0, 21)
                        .mapToObj(i -> TipForms.referral("af-iom", "shelter", i % 2 == 0)).toArray(JsonObject[]::new)),
                        "referrals"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForms")
    void refusedWithTheFieldNamedAndNothingStored(String name, UnaryOperator<JsonObject> change, String field) {
        String id = TipForms.newId();
        JsonObject form = change.apply(TipForms.substantive(id));
        Reply reply = operator.client().post("/api/tips", form);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo(field);
        assertThat(reply.json().getString("error")).isNotBlank().doesNotContain("Herat");
        assertThat(api.dsl().fetchCount(TIPS, TIPS.ID.eq(id))).as("nothing stored").isZero();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefused() {
        for (String body : new String[] {"not json", "[1,2]", "", "{\"id\": "}) {
            Reply reply = operator.client().post("/api/tips", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.json().getString("error")).isNotBlank();
        }
    }

    @Test
    void blankOptionalFieldsCountAsUnknown() {
        JsonObject form = TipForms.substantive(TipForms.newId()).put("callerType", "").put("form", "")
                .put("origin", "").put("transit", "").put("destination", "").put("callId", "").put("summary", "  ");
        Reply reply = operator.client().post("/api/tips", form);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("callerType")).isNull();
        assertThat(reply.json().getString("summary")).isNull();
        assertThat(reply.json().getBoolean("crossBorder")).isFalse();
    }

    @Test
    void theLongestAllowedSummaryIsStored() {
        String summary = "ش".repeat(4000);
        JsonObject form = TipForms.substantive(TipForms.newId()).put("summary", summary);
        Reply reply = operator.client().post("/api/tips", form);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("summary")).isEqualTo(summary);
    }

    private static Arguments refused(String name, UnaryOperator<JsonObject> change, String field) {
        return Arguments.of(name, change, field);
    }

    private static JsonObject remove(JsonObject json, String field) {
        json.remove(field);
        return json;
    }

    private static JsonObject victims(JsonObject form, java.util.function.Consumer<JsonObject> change) {
        change.accept(form.getJsonObject("victims"));
        return form;
    }

    private static JsonObject referrals(JsonObject form, JsonObject... referrals) {
        return form.put("referrals", new JsonArray(java.util.List.of((Object[]) referrals)));
    }
}
