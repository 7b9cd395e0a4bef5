package cn.medins.account.assistance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.account.support.Fixtures;
import cn.medins.testsupport.TestKeys;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 医疗救助对象: identities registered by the agency and imported from civil affairs' lists, with their
 * windows; the eligibility answer names the categories valid on the date asked (business clock: 2026-12-01).
 */
@QuarkusTest
class AssistanceIdentityTest {

    private static ValidatableResponse register(long person, String category, String from, String to) {
        Map<String, Object> body = new HashMap<>(Map.of("category", category, "validFrom", from,
                "source", "CIVIL_AFFAIRS", "documentRef", "民政-" + from));
        if (to != null) {
            body.put("validTo", to);
        }
        return given().contentType(ContentType.JSON).body(body).post("/persons/" + person + "/assistance-identities")
                .then();
    }

    private static ValidatableResponse categories(long person, String date) {
        return given().get("/persons/" + person + "/eligibility?date=" + date).then().statusCode(200);
    }

    private static ValidatableResponse importCsv(String csv, String key) {
        var request = given().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8));
        return (key == null ? request : request.header("Idempotency-Key", key)).post("/assistance-identities/imports")
                .then();
    }

    /** A valid ID number no one is enrolled with (its check character computed). */
    private static String valid(String first17) {
        return first17 + cn.medins.account.enrollment.ResidentIdNumber.checkCharacter(first17);
    }

    private static String idNumberOf(long person) {
        return given().get("/persons/" + person).then().statusCode(200).extract().path("idNumber");
    }

    @Test
    void identitiesHaveWindowsAndTheEligibilityAnswerNamesTheValidOnes() {
        long person = Fixtures.resident();
        categories(person, "2026-06-01").body("assistanceCategories", empty());

        register(person, "NEAR_SUBSISTENCE", "2026-01-01", "2026-06-30").statusCode(201)
                .body("validToday", equalTo(false)).body("endedOn", nullValue());
        // open-ended: valid from its start, whatever the date asked
        int open = register(person, "SUBSISTENCE", "2026-07-01", null).statusCode(201)
                .body("validTo", nullValue()).body("validToday", equalTo(true)).extract().path("identityId");

        categories(person, "2025-12-31").body("assistanceCategories", empty());
        categories(person, "2026-03-15").body("assistanceCategories", contains("NEAR_SUBSISTENCE"));
        categories(person, "2026-07-01").body("assistanceCategories", contains("SUBSISTENCE"));
        categories(person, "2035-01-01").body("assistanceCategories", contains("SUBSISTENCE"));

        // a window that meets another of the same category is refused; another category may overlap
        register(person, "SUBSISTENCE", "2030-01-01", "2030-12-31").statusCode(409)
                .body("code", equalTo("IDENTITY_OVERLAPS")).body("detail", containsString("identity " + open));
        register(person, "NEAR_SUBSISTENCE", "2026-06-30", null).statusCode(409);
        register(person, "ILLNESS_POVERTY", "2026-11-01", null).statusCode(201);
        categories(person, "2026-11-30").body("assistanceCategories", contains("SUBSISTENCE", "ILLNESS_POVERTY"));

        // ended from today (2026-12-01): valid until yesterday, kept in the list; ending again changes nothing
        given().delete("/persons/" + person + "/assistance-identities/" + open).then().statusCode(200)
                .body("endedOn", equalTo("2026-12-01")).body("validToday", equalTo(false));
        given().delete("/persons/" + person + "/assistance-identities/" + open).then().statusCode(200)
                .body("endedOn", equalTo("2026-12-01"));
        categories(person, "2026-11-30").body("assistanceCategories", hasItem("SUBSISTENCE"));
        categories(person, "2026-12-01").body("assistanceCategories", contains("ILLNESS_POVERTY"));
        // after its end a new identity of the category may start
        register(person, "SUBSISTENCE", "2026-12-01", null).statusCode(201);

        given().get("/persons/" + person + "/assistance-identities").then().statusCode(200)
                .body("items", hasSize(4)).body("items.category", contains("NEAR_SUBSISTENCE", "SUBSISTENCE",
                        "ILLNESS_POVERTY", "SUBSISTENCE"));
        // the person themself reads theirs, another insured person reads nothing
        given().header("Authorization", "Bearer " + TestKeys.insured(person))
                .get("/persons/" + person + "/assistance-identities").then().statusCode(200).body("items", hasSize(4));
        given().header("Authorization", "Bearer " + TestKeys.insured(person + 1))
                .get("/persons/" + person + "/assistance-identities").then().statusCode(404);
        given().delete("/persons/" + person + "/assistance-identities/999999999").then().statusCode(404)
                .body("code", equalTo("IDENTITY_NOT_FOUND"));
    }

    @Test
    void badRegistrationsNameTheirField() {
        long person = Fixtures.resident();
        register(person, "SUBSISTENCE", "2026-05-01", "2026-04-30").statusCode(400)
                .body("violations.field", hasItem("validTo"));
        register(person, "RICH", "2026-05-01", null).statusCode(400).body("violations.field", hasItem("category"));
        given().contentType(ContentType.JSON).body(Map.of("category", "SUBSISTENCE", "validFrom", "2026-01-01"))
                .post("/persons/" + person + "/assistance-identities").then().statusCode(400)
                .body("violations.field", hasItem("source"));
        register(999_999_999L, "SUBSISTENCE", "2026-05-01", null).statusCode(404).body("code", equalTo("PERSON_NOT_FOUND"));
    }

    @Test
    void aCivilAffairsListIsImportedRowByRowAndTwiceImportsNothingNew() throws Exception {
        long a = Fixtures.resident();
        long b = Fixtures.resident();
        long c = Fixtures.resident();
        String ida = idNumberOf(a);
        String idb = idNumberOf(b);
        String idc = idNumberOf(c);
        register(c, "SUBSISTENCE", "2026-01-01", null).statusCode(201);
        String csv = "\uFEFFidNumber,name,category,validFrom,validTo,documentRef\r\n"
                + ida + ",测试 RESIDENT,SUBSISTENCE,2026-01-01,,\"民政发〔2026〕1号, 第3批\"\r\n"
                + idb + ",测试 RESIDENT,NEAR_SUBSISTENCE,2026-03-01,2026-12-31,民政-2\r\n"
                + idb + ",张三,SUBSISTENCE,2026-03-01,,民政-3\r\n"
                + valid("15040219900101123") + ",测试 RESIDENT,SUBSISTENCE,2026-03-01,,民政-4\r\n"
                + idc + ",测试 RESIDENT,SUBSISTENCE,2026-06-01,,民政-5\r\n"
                + ida + ",测试 RESIDENT,POOR,2026-01-01,,民政-6\r\n"
                + ida + ",测试 RESIDENT,ORPHAN,2026-13-01,,民政-7\r\n"
                + ida + ",测试 RESIDENT\r\n"
                + "\r\n";
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(csv.getBytes(StandardCharsets.UTF_8)));
        String key = Fixtures.key();
        ValidatableResponse first = importCsv(csv, key).statusCode(200)
                .body("rows", equalTo(8)).body("imported", equalTo(2)).body("unchanged", equalTo(0))
                .body("fileSha256", equalTo(sha)).body("importedBy", equalTo("agency-staff-1"))
                .body("rejected.row", contains(4, 5, 6, 7, 8, 9))
                .body("rejected[0].reason", containsString("name"))
                .body("rejected[1].reason", containsString("no insured person"))
                .body("rejected[2].reason", containsString("IDENTITY_OVERLAPS"))
                .body("rejected[5].reason", containsString("columns"));
        categories(a, "2026-12-01").body("assistanceCategories", contains("SUBSISTENCE"));
        categories(b, "2026-12-01").body("assistanceCategories", contains("NEAR_SUBSISTENCE"));
        given().get("/persons/" + a + "/assistance-identities").then()
                .body("items[0].documentRef", equalTo("民政发〔2026〕1号, 第3批"))
                .body("items[0].importId", equalTo(first.extract().path("importId")));

        // the same request again is the same answer; the same file under a new key imports nothing new
        importCsv(csv, key).statusCode(200).body("importId", equalTo(first.extract().path("importId")));
        importCsv(csv, Fixtures.key()).statusCode(200).body("imported", equalTo(0)).body("unchanged", equalTo(2))
                .body("rejected", hasSize(6));
        given().get("/persons/" + a + "/assistance-identities").then().body("items", hasSize(1));

        // next month's list ends b's identity earlier: its end moves
        String next = "idNumber,name,category,validFrom,validTo,documentRef\n"
                + idb + ",测试 RESIDENT,NEAR_SUBSISTENCE,2026-03-01,2026-09-30,民政-2\n";
        importCsv(next, Fixtures.key()).statusCode(200).body("updated", equalTo(1)).body("imported", equalTo(0));
        categories(b, "2026-10-01").body("assistanceCategories", empty());

        // the audit keeps the file's hash, who and what
        List<Map<String, Object>> records = given().get("/assistance-identities/imports").then().statusCode(200)
                .extract().path("items");
        assertEquals(sha, records.stream().filter(r -> r.get("importId").equals(first.extract().path("importId")))
                .findFirst().orElseThrow().get("fileSha256"));
    }

    @Test
    void aFileThatIsNotTheListIsRefusedWhole() {
        importCsv("idNumber;name;category\n", Fixtures.key()).statusCode(400).body("violations.field", hasItem("header"));
        importCsv("", Fixtures.key()).statusCode(400);
        given().contentType("text/csv").header("Idempotency-Key", Fixtures.key())
                .body(new byte[] {'i', 'd', (byte) 0xC4, (byte) 0xE3}).post("/assistance-identities/imports").then()
                .statusCode(400).body("violations.field", hasItem("body"));
        importCsv("idNumber,name,category,validFrom,validTo,documentRef\n", null).statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        given().contentType("text/csv").header("Idempotency-Key", Fixtures.key())
                .header("Authorization", "Bearer " + TestKeys.insured(1))
                .body("idNumber,name,category,validFrom,validTo,documentRef\n").post("/assistance-identities/imports")
                .then().statusCode(403);
        // an unclosed quote ends the reading there; rows before it are kept
        long person = Fixtures.resident();
        String csv = "idNumber,name,category,validFrom,validTo,documentRef\n" + idNumberOf(person)
                + ",测试 RESIDENT,ORPHAN,2026-01-01,,ok\n" + idNumberOf(person) + ",\"测试,OTHER,2026-01-01,,\n";
        importCsv(csv, Fixtures.key()).statusCode(200).body("imported", equalTo(1))
                .body("rejected[0].row", equalTo(3)).body("rejected[0].reason", containsString("unreadable"));
    }
}
