package org.hotline.dispatch.partners;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The partner directory, seeded by migration from partners.csv, searched by country, service and language. */
class PartnerSearchTest extends ApiTestBase {
    Person operator;

    @BeforeAll
    void signInPeople() {
        operator = api.signIn("parwin", Role.OPERATOR);
    }

    @Test
    void allTwentyFourPartnersAreSeededWithoutPersonalContacts() {
        JsonArray all = search("");

        assertThat(all).hasSize(24);
        JsonObject iom = find(all, "af-iom");
        assertThat(iom.getString("name")).isEqualTo("International Organization for Migration (IOM) Afghanistan");
        assertThat(iom.getString("country")).isEqualTo("AF");
        assertThat(iom.getString("city")).isEqualTo("Kabul");
        assertThat(iom.getString("kind")).isEqualTo("intergovernmental");
        assertThat(iom.getJsonArray("services").getList()).containsExactlyInAnyOrder("return-reintegration",
                "family-tracing");
        assertThat(iom.getJsonArray("languages").getList()).containsExactlyInAnyOrder("prs", "ps");
        assertThat(iom.getString("servicesStatus")).isEqualTo("unconfirmed");
        assertThat(find(all, "pk-lhrla").getString("servicesStatus")).isEqualTo("confirmed");
        assertThat(find(all, "af-awsdc").getString("name"))
                .isEqualTo("Afghan Women's Skills Development Centre (AWSDC)");
        assertThat(find(all, "af-nsrdo").getString("city")).isNull();
        all.forEach(p -> assertThat(((JsonObject) p).fieldNames()).containsExactlyInAnyOrder("id", "name", "country",
                "city", "kind", "services", "languages", "servicesStatus"));
    }

    @Test
    void searchByCountryServiceAndLanguage() {
        assertThat(ids(search("?country=TM"))).containsExactlyInAnyOrder("tm-ynam", "tm-enme", "tm-mashgala",
                "tm-beyik-eyam", "tm-ynanch-vepa");
        assertThat(ids(search("?service=shelter"))).containsExactlyInAnyOrder("tm-enme", "uz-isenim");
        assertThat(ids(search("?service=legal-aid&language=ur"))).containsExactlyInAnyOrder("pk-lhrla", "pk-sharp");
        assertThat(ids(search("?country=AF&service=return-reintegration&language=ps")))
                .containsExactlyInAnyOrder("af-hagar", "af-iom");
        assertThat(ids(search("?language=tg"))).hasSize(6);
        assertThat(search("?service=interpretation")).isEmpty();
        assertThat(search("?country=IR")).isEmpty();
    }

    @Test
    void unknownCodesAreRefused() {
        for (String query : List.of("?country=Afghanistan", "?service=spa", "?language=en", "?country=' OR 1=1")) {
            Reply reply = operator.client().get("/api/partners" + query.replace(" ", "%20").replace("'", "%27"));
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(query).contains(reply.json().getString("field"));
        }
    }

    @Test
    void everyoneSignedInMayUseTheDirectoryAndNobodyElse() {
        assertThat(api.signIn("mariam", Role.MANAGER).client().get("/api/partners").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/api/partners").status()).isEqualTo(401);
    }

    private JsonArray search(String query) {
        Reply reply = operator.client().get("/api/partners" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array();
    }

    private static List<String> ids(JsonArray partners) {
        return partners.stream().map(p -> ((JsonObject) p).getString("id")).toList();
    }

    private static JsonObject find(JsonArray partners, String id) {
        return partners.stream().map(p -> (JsonObject) p).filter(p -> id.equals(p.getString("id"))).findFirst()
                .orElseThrow();
    }
}
