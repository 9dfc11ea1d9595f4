package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.hotline.dispatch.apitest.ApiServer;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen's choice lists come from the enums, complete, as {code, label} lists. */
class TipOptionsTest {
    @TempDir
    static Path dataDir;

    static ApiServer api;
    static JsonObject options;

    @BeforeAll
    static void start() {
        api = ApiServer.start(dataDir);
        Reply reply = api.signIn("omar", Role.OPERATOR).client().get("/api/tip-options");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().firstValue("cache-control")).hasValue("no-store");
        options = reply.json();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void everyListOfTheTipRecordIsThere() {
        assertThat(codes("contactTypes")).containsExactly("substantive", "silent", "hang-up", "prank", "wrong-number",
                "abusive", "test");
        assertThat(codes("signals")).hasSize(5).contains("crisis");
        assertThat(codes("callerTypes")).hasSize(6);
        assertThat(codes("traffickingTypes")).containsExactly("labour", "sexual", "both", "other-exploitation");
        assertThat(codes("forms")).hasSize(10).contains("bonded-labour", "child-soldiering");
        assertThat(codes("recruitments")).hasSize(7);
        assertThat(codes("controls")).containsExactly("debt", "confiscated-documents", "threats", "violence",
                "isolation", "substance-dependency");
        assertThat(codes("urgencies")).containsExactly("critical", "urgent", "non-critical");
        assertThat(codes("consents")).containsExactly("share", "confidential", "anonymous");
        assertThat(codes("lawEnforcement")).containsExactly("none", "required-by-law", "imminent-danger",
                "survivor-request");
        assertThat(codes("referralServices")).containsExactly("shelter", "legal-aid", "psychosocial", "medical-care",
                "return-reintegration", "family-tracing", "livelihood", "law-enforcement", "interpretation");
        assertThat(codes("referralStatuses")).containsExactly("proposed", "sent", "accepted", "completed",
                "declined", "withdrawn");
        assertThat(options.getJsonObject("referralTransitions").getJsonArray("proposed").getList())
                .containsExactlyInAnyOrder("sent", "declined", "withdrawn");
        assertThat(options.getJsonObject("limits").getInteger("summaryMaxLength")).isEqualTo(4000);
    }

    @Test
    void countriesAndRegions() {
        assertThat(codes("countries")).containsExactly("AF", "PK", "TJ", "TM", "UZ", "IR", "IN", "TR", "RU", "KZ",
                "AE", "SA", "QA", "other");
        JsonObject regions = options.getJsonObject("regions");
        List<String> afghanistan = codes(regions.getJsonArray("AF"));
        assertThat(afghanistan).hasSize(35).contains("AF-KAB", "AF-HER", "AF-NAN", "AF-DAY", "AF-PAN").endsWith(
                "unknown");
        assertThat(afghanistan.stream().filter(c -> c.startsWith("AF-")).distinct()).hasSize(34);
        assertThat(codes(regions.getJsonArray("PK"))).contains("PK-KP", "PK-SD", "unknown");
        assertThat(codes(regions.getJsonArray("IR"))).containsExactly("unknown");
        assertThat(codes(regions.getJsonArray("other"))).containsExactly("unknown");
        for (String country : codes("countries")) {
            assertThat(regions.containsKey(country)).as(country).isTrue();
        }
    }

    @Test
    void everyEntryHasACodeAndALabelAndCodesAreUnique() {
        for (String list : options.fieldNames()) {
            if (!(options.getValue(list) instanceof JsonArray array)) {
                continue;
            }
            List<String> codes = codes(array);
            assertThat(codes).as(list).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).isNotBlank());
            array.forEach(item -> assertThat(((JsonObject) item).getString("label")).as(list).isNotBlank());
        }
        assertThat(codes("languages")).containsExactly("prs", "ps", "tg", "tk", "uz", "ur");
    }

    private static List<String> codes(String list) {
        return codes(options.getJsonArray(list));
    }

    private static List<String> codes(JsonArray array) {
        return array.stream().map(item -> ((JsonObject) item).getString("code")).toList();
    }
}
