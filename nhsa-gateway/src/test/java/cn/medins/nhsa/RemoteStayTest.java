package cn.medins.nhsa;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.medins.nhsa.support.His;
import cn.medins.nhsa.support.SuiteProcesses;
import cn.medins.testsupport.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stay in Haikou of a Luoyang employee who filed (异地就医备案) to Hainan, through the gateway of the Haikou
 * hospital: settled directly with Luoyang's policy (参保地政策), cleared to Luoyang ({@code clr_optins}); 2001
 * and 5203 answer for it.
 */
@QuarkusTest
class RemoteStayTest {

    private static final String HAIKOU = "GW-H3-460106";

    @Test
    void aFiledPersonsStayInAnotherProvinceSettlesThroughTheGateway() {
        String r = SuiteProcesses.reimbursementUrl();
        given().baseUri(r).contentType(ContentType.JSON).body(Map.of("name", "海口医院", "region", "460106", "level", 3,
                "kind", "HOSPITAL", "designated", true, "remoteNetworked", true)).put("/institutions/" + HAIKOU)
                .then().statusCode(200);
        given().baseUri(r).contentType(ContentType.JSON).body(Map.of("name", "项目 A001", "category", "A"))
                .put("/catalog/A001").then().statusCode(200);
        String policy = given().baseUri(r).get("/policies/150400/310/2026").then().statusCode(200).extract().asString();
        given().baseUri(r).contentType(ContentType.JSON).body(policy).put("/policies/410300/310/2026").then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        long person = given().baseUri(SuiteProcesses.accountUrl()).contentType(ContentType.JSON)
                .body(Map.of("idNumber", TestData.idNumber(), "name", "患者丙", "insuranceType", "310",
                        "personType", "IN_SERVICE", "insuredRegion", "410300", "enrolledOn", "2020-01-01"))
                .post("/persons").then().statusCode(201).extract().jsonPath().getLong("personId");
        for (int m = 1; m <= 11; m++) {
            given().baseUri(SuiteProcesses.accountUrl()).contentType(ContentType.JSON).header("Idempotency-Key", TestData.key())
                    .body(Map.of("period", String.format("2026-%02d", m), "individualAmount", BigDecimal.ZERO,
                            "employerAmount", new BigDecimal("300"))).post("/persons/" + person + "/contributions")
                    .then().statusCode(201);
        }
        int filing = given().baseUri(SuiteProcesses.remoteCareUrl()).contentType(ContentType.JSON)
                .body(Map.of("personId", person, "destinationRegion", "460000", "type", "LONG_TERM",
                        "reason", "LONG_TERM_RESIDENCE", "startDate", "2026-12-01",
                        "proof", Map.of("kind", "RESIDENCE_PERMIT", "number", "琼-0002"), "personalAccountEnabled", false))
                .post("/filings").then().statusCode(201).extract().path("filingId");

        His his = new His(HAIKOU);
        his.signIn();
        JsonPath check = his.call("2001", Map.of("data", Map.of("psn_no", person, "insutype", "310", "med_type", "21",
                "begntime", "2026-12-01 08:00:00")));
        assertEquals("1", check.getString("output.trtinfo[0].trt_enjymnt_flag"), check.prettify());
        String mdtrtId = his.call("2401", Map.of("mdtrtinfo", Map.of("psn_no", person, "med_type", "21",
                "ipt_no", "HK" + person, "begntime", "2026-12-01 08:00:00"))).getString("output.result.mdtrt_id");
        assertEquals(0, his.call("2301", Map.of("feedetail", List.of(Map.of("feedetl_sn", "1", "mdtrt_id", mdtrtId,
                "med_list_codg", "A001", "cnt", 1, "pric", 20000, "fee_ocur_time", "2026-12-01 10:00:00"))))
                .getInt("infcode"));
        assertEquals(0, his.call("2402", Map.of("dscginfo", Map.of("mdtrt_id", mdtrtId, "endtime", "2026-12-01")))
                .getInt("infcode"));
        JsonPath settled = his.call("2304", Map.of("data", Map.of("psn_no", person, "mdtrt_id", mdtrtId,
                "acct_used_flag", "1")));
        assertEquals(0, settled.getInt("infcode"), settled.getString("err_msg"));
        assertEquals("410300", settled.getString("output.setlinfo.clr_optins"));
        long id = settled.getLong("output.setlinfo.setl_id");
        JsonPath suite = JsonPath.from(given().baseUri(r).get("/settlements/" + id).then().statusCode(200)
                .extract().asString());
        assertEquals("REMOTE_FILED", suite.getString("mode"));
        assertEquals(filing, suite.getInt("filingId"));
        assertEquals(0, new BigDecimal(suite.getString("poolFundPaid"))
                .compareTo(new BigDecimal(settled.getString("output.setlinfo.hifp_pay"))));
        // the account may not pay in the destination (filed without it): all the burden in cash
        assertEquals(0, new BigDecimal(suite.getString("personalBurden"))
                .compareTo(new BigDecimal(settled.getString("output.setlinfo.psn_cash_pay"))));
        JsonPath queried = his.call("5203", Map.of("data", Map.of("psn_no", person, "setl_id", id, "mdtrt_id", mdtrtId)));
        assertEquals(settled.getString("output.setlinfo.hifp_pay"), queried.getString("output.setlinfo.hifp_pay"));
    }
}
