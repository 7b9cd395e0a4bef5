package cn.medins.nhsa;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.nhsa.support.His;
import cn.medins.nhsa.support.SuiteData;
import cn.medins.nhsa.support.SuiteProcesses;
import cn.medins.testsupport.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A full stay through the gateway, with messages built as HIS vendors build them (1101, 2401, 2301 in
 * three batches of 1,000, 2303, 2402, 2304, 2305, 2304 again), each output checked against the suite's
 * own answer; a retry of a msgid after a lost answer, 2601 reversals, and refusals as infcode -1.
 */
@QuarkusTest
class InpatientStayTest {

    private static final String HOSPITAL = "GW-H3-150402";

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL base;

    private His his;
    private String idNumber;
    private long person;

    @BeforeEach
    void setUp() {
        given().baseUri(SuiteProcesses.reimbursementUrl()).contentType(ContentType.JSON)
                .body(Map.of("name", "网关医院", "region", "150402", "level", 3, "kind", "HOSPITAL", "designated", true,
                        "remoteNetworked", true)).put("/institutions/" + HOSPITAL).then().statusCode(200);
        for (String[] item : new String[][] {{"A001", "A"}, {"B001", "B"}, {"IMPLANT", "SELF_FUNDED"}}) {
            SuiteData.item(item[0], item[1]);
        }
        idNumber = TestData.idNumber();
        person = SuiteData.employee(idNumber, "患者甲", "3000");
        his = new His(HOSPITAL);
        his.signIn();
    }

    /** 1,000 lines from {@code from}: A001 at 12.34 and B001 at 5.60 x 2 alternately, in the given forms. */
    private List<Map<String, Object>> feedetail(String mdtrtId, int from, boolean amountsAsStrings) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = from; i < from + 1000; i++) {
            Map<String, Object> l = new HashMap<>();
            l.put("feedetl_sn", String.format("%08d", i));
            l.put("mdtrt_id", mdtrtId);
            l.put("psn_no", String.valueOf(person));
            l.put("chrg_bchno", "B1");
            l.put("med_list_codg", i % 2 == 0 ? "A001" : "B001");
            l.put("medins_list_codg", "H-" + i);
            l.put("cnt", amountsAsStrings ? (i % 2 == 0 ? "1" : "2") : (i % 2 == 0 ? 1 : 2));
            l.put("pric", amountsAsStrings ? (i % 2 == 0 ? "12.34" : "5.60") : (i % 2 == 0 ? 12.34 : 5.6));
            l.put("det_item_fee_sumamt", i % 2 == 0 ? "12.34" : "11.20");
            l.put("fee_ocur_time", "2026-03-0" + (1 + i % 5) + " 10:00:00");
            l.put("bilg_dept_codg", "A03");
            l.put("opp_serial_fee", "x");
            lines.add(l);
        }
        return lines;
    }

    @Test
    void aWholeStaySettlesThroughTheGatewayAsTheSuiteSettlesIt() throws Exception {
        JsonPath info = his.call("1101", Map.of("data", Map.of("mdtrt_cert_type", "02", "mdtrt_cert_no", idNumber,
                "psn_cert_type", "01", "certno", idNumber, "psn_name", "患者甲")));
        assertEquals(0, info.getInt("infcode"), info.prettify());
        assertEquals(String.valueOf(person), info.getString("output.baseinfo.psn_no"));
        assertEquals("310", info.getString("output.insuinfo[0].insutype"));
        assertEquals("1101", info.getString("output.insuinfo[0].psn_type"));

        String iptNo = "ZY" + person;
        JsonPath admitted = his.call("2401", Map.of("mdtrtinfo", Map.of("psn_no", String.valueOf(person), "insutype", "310",
                "mdtrt_cert_type", "02", "mdtrt_cert_no", idNumber, "med_type", "21", "ipt_no", iptNo,
                "begntime", "2026-03-01 08:30:00", "dscg_maindiag_code", "I10"),
                "diseinfo", Map.of("diag_type", "1", "diag_code", "I10", "diag_name", "高血压")));
        assertEquals(0, admitted.getInt("infcode"), admitted.prettify());
        String mdtrtId = admitted.getString("output.result.mdtrt_id");
        assertEquals(iptNo, mdtrtId);

        // three batches of 1,000: an object, a JSON string, amounts as strings
        JsonPath first = his.call("2301", Map.of("feedetail", feedetail(mdtrtId, 0, false)));
        assertEquals(0, first.getInt("infcode"), first.getString("err_msg"));
        assertEquals(1000, first.getList("output.result").size());
        assertEquals("01", first.getString("output.result[0].chrgitm_lv"));
        String asString = new ObjectMapper().writeValueAsString(Map.of("feedetail", feedetail(mdtrtId, 1000, false)));
        assertEquals(0, his.call("2301", asString).getInt("infcode"));
        assertEquals(0, his.call("2301", Map.of("feedetail", feedetail(mdtrtId, 2000, true))).getInt("infcode"));
        BigDecimal total = new BigDecimal("12.34").add(new BigDecimal("11.20")).multiply(new BigDecimal(1500));

        JsonPath preview = his.call("2303", Map.of("data", Map.of("psn_no", String.valueOf(person), "mdtrt_id", mdtrtId,
                "medfee_sumamt", total.toPlainString(), "acct_used_flag", "1", "insutype", "310", "mid_setl_flag", "0")));
        assertEquals(0, preview.getInt("infcode"), preview.getString("err_msg"));
        assertEquals(0, total.compareTo(new BigDecimal(preview.getString("output.setlinfo.medfee_sumamt"))));

        JsonPath notDischarged = his.call("2304", Map.of("data", Map.of("psn_no", String.valueOf(person),
                "mdtrt_id", mdtrtId, "acct_used_flag", "1")));
        assertEquals(-1, notDischarged.getInt("infcode"));
        assertEquals("NOT_DISCHARGED", notDischarged.getString("warn_msg"));
        assertTrue(notDischarged.getString("err_msg").contains("未办理出院"));

        assertEquals(0, his.call("2402", Map.of("dscginfo", Map.of("mdtrt_id", mdtrtId, "psn_no", String.valueOf(person),
                "endtime", "2026-03-10 09:00:00", "dscg_way", "1"), "diseinfo", List.of())).getInt("infcode"));

        String msgid = his.newMsgid();
        Map<String, Object> settle = his.envelope("2304", msgid, Map.of("data", Map.of("psn_no", String.valueOf(person),
                "mdtrt_id", mdtrtId, "medfee_sumamt", total, "acct_used_flag", "1", "insutype", "310")));
        JsonPath settled = his.send(settle);
        assertEquals(0, settled.getInt("infcode"), settled.getString("err_msg"));
        long setlId = settled.getLong("output.setlinfo.setl_id");
        JsonPath suite = JsonPath.from(given().baseUri(SuiteProcesses.reimbursementUrl()).get("/settlements/" + setlId)
                .then().statusCode(200).extract().asString());
        Map<String, String> fields = Map.ofEntries(Map.entry("medfee_sumamt", "totalAmount"),
                Map.entry("fulamt_ownpay_amt", "selfFundedAmount"), Map.entry("overlmt_selfpay", "overLimitAmount"),
                Map.entry("preselfpay_amt", "preSelfPayAmount"), Map.entry("inscp_scp_amt", "eligibleAmount"),
                Map.entry("act_pay_dedc", "deductibleApplied"), Map.entry("hifp_pay", "poolFundPaid"),
                Map.entry("hifob_pay", "catastrophicPaid"), Map.entry("maf_pay", "assistancePaid"),
                Map.entry("psn_part_amt", "personalBurden"), Map.entry("acct_pay", "accountPaid"),
                Map.entry("acct_mulaid_pay", "familyAccountPaid"), Map.entry("psn_cash_pay", "cashPaid"),
                Map.entry("balc", "accountBalanceAfter"));
        fields.forEach((nhsa, own) -> assertEquals(0, new BigDecimal(suite.getString(own))
                .compareTo(new BigDecimal(settled.getString("output.setlinfo." + nhsa))), nhsa));
        assertEquals(0, new BigDecimal(suite.getString("fundPaidTotal")).add(new BigDecimal(suite.getString("assistancePaid")))
                .compareTo(new BigDecimal(settled.getString("output.setlinfo.fund_pay_sumamt"))));
        assertEquals("310100", settled.getString("output.setldetail[0].fund_pay_type"));
        assertEquals(0, new BigDecimal(suite.getString("poolFundPaid"))
                .compareTo(new BigDecimal(settled.getString("output.setldetail[0].fund_payamt"))));
        // 本次可支付限额: the inpatient cap's rest before the stay, the suite's own, at least what the fund paid
        BigDecimal capLeft = new BigDecimal(settled.getString("output.setldetail[0].crt_payb_lmt_amt"));
        assertEquals(0, new BigDecimal(suite.getString("poolCapLeft")).compareTo(capLeft));
        assertTrue(capLeft.compareTo(new BigDecimal(suite.getString("poolFundPaid"))) >= 0, capLeft.toPlainString());
        assertEquals("21", settled.getString("output.setlinfo.med_type"));
        assertEquals("1101", settled.getString("output.setlinfo.psn_type"));
        assertNotNull(settled.getString("output.setlinfo.setl_time"));

        // the same msgid again (the answer was lost): the same answer, no second settlement
        JsonPath again = his.send(settle);
        assertEquals(setlId, again.getLong("output.setlinfo.setl_id"));
        // the same msgid with another input: refused
        Map<String, Object> other = his.envelope("2304", msgid, Map.of("data", Map.of("psn_no", String.valueOf(person),
                "mdtrt_id", mdtrtId, "acct_used_flag", "0")));
        JsonPath reused = his.send(other);
        assertEquals(-1, reused.getInt("infcode"));
        assertEquals("MSGID_REUSED", reused.getString("warn_msg"));

        JsonPath cancelled = his.call("2305", Map.of("data", Map.of("setl_id", String.valueOf(setlId), "mdtrt_id", mdtrtId,
                "psn_no", String.valueOf(person))));
        assertEquals(0, cancelled.getInt("infcode"), cancelled.getString("err_msg"));
        assertEquals(0, total.negate().compareTo(new BigDecimal(cancelled.getString("output.setlinfo.medfee_sumamt"))));

        String secondMsgid = his.newMsgid();
        JsonPath second = his.send(his.envelope("2304", secondMsgid, Map.of("data", Map.of("psn_no", String.valueOf(person),
                "mdtrt_id", mdtrtId, "acct_used_flag", "1"))));
        assertEquals(0, second.getInt("infcode"), second.getString("err_msg"));
        long secondId = second.getLong("output.setlinfo.setl_id");
        assertTrue(secondId != setlId);

        // 冲正 of the second settlement: cancelled as 2305 would; a reversal of a message never received does no harm
        JsonPath reversal = his.call("2601", Map.of("data", Map.of("psn_no", String.valueOf(person), "omsgid", secondMsgid,
                "oinfno", "2304")));
        assertEquals(0, reversal.getInt("infcode"), reversal.getString("err_msg"));
        given().baseUri(SuiteProcesses.reimbursementUrl()).get("/settlements/" + secondId).then()
                .body("status", equalTo("CANCELLED"));
        assertEquals(0, his.call("2601", Map.of("data", Map.of("psn_no", String.valueOf(person), "omsgid",
                his.newMsgid(), "oinfno", "2304"))).getInt("infcode"));
    }

    @Test
    void refusalsAreInfcodeMinusOneNamingTheCause() throws Exception {
        JsonPath unknown = his.call("9999", Map.of("data", Map.of()));
        assertEquals(-1, unknown.getInt("infcode"));
        assertEquals("UNKNOWN_INFNO", unknown.getString("warn_msg"));
        JsonPath missing = his.call("2401", Map.of("mdtrtinfo", Map.of("psn_no", String.valueOf(person))));
        assertEquals(-1, missing.getInt("infcode"));
        assertTrue(missing.getString("err_msg").contains("begntime"), missing.getString("err_msg"));
        Map<String, Object> foreign = his.envelope("1101", his.newMsgid(), Map.of("data", Map.of("psn_no", "1")));
        foreign.put("fixmedins_code", "H-ELSEWHERE");
        JsonPath forbidden = his.send(foreign);
        assertEquals(-1, forbidden.getInt("infcode"));
        assertEquals("FORBIDDEN", forbidden.getString("warn_msg"));
        Map<String, Object> unsigned = his.envelope("1101", his.newMsgid(), Map.of("data", Map.of("psn_no", "1")));
        unsigned.put("sign_no", "");
        assertEquals("NOT_SIGNED_IN", his.send(unsigned).getString("warn_msg"));
        // sent as raw bytes: the documents' validator would refuse to send it
        java.net.http.HttpResponse<String> raw = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "fsi/api/rsfComIfsService/callService"))
                        .header("Authorization", "Bearer " + cn.medins.testsupport.TestKeys.institution(HOSPITAL))
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"infno\":")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, raw.statusCode());
        JsonPath malformed = JsonPath.from(raw.body());
        assertEquals("MALFORMED_JSON", JsonPath.from(java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "fsi/api/rsfComIfsService/callService"))
                        .header("Authorization", "Bearer " + cn.medins.testsupport.TestKeys.institution(HOSPITAL))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"infno\":\"1101\",\"infno\":\"9001\","
                                + "\"msgid\":\"m\",\"fixmedins_code\":\"" + HOSPITAL + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body()).getString("warn_msg"), "two infno refused");
        Map<String, Object> arrayMsgid = his.envelope("1101", "x", Map.of("data", Map.of("psn_no", "1")));
        arrayMsgid.put("msgid", List.of("x"));
        assertTrue(his.send(arrayMsgid).getString("err_msg").contains("msgid 应为文本"));
        assertEquals(-1, malformed.getInt("infcode"));
        assertEquals("MALFORMED_JSON", malformed.getString("warn_msg"));
    }
}
