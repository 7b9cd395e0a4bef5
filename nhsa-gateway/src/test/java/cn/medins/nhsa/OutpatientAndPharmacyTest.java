package cn.medins.nhsa;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.nhsa.support.His;
import cn.medins.nhsa.support.SuiteData;
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
 * An outpatient visit (2201, 2204, 2206, 2207) and a pharmacy purchase paid by the personal account
 * (2101, 2102, 2103) through the gateway, each answer checked against the suite's own settlement.
 */
@QuarkusTest
class OutpatientAndPharmacyTest {

    private static JsonPath suiteSettlement(long id) {
        return JsonPath.from(given().baseUri(SuiteProcesses.reimbursementUrl()).get("/settlements/" + id)
                .then().statusCode(200).extract().asString());
    }

    private static void sameFigures(JsonPath gateway, JsonPath suite) {
        Map<String, String> fields = Map.of("medfee_sumamt", "totalAmount", "inscp_scp_amt", "eligibleAmount",
                "hifp_pay", "poolFundPaid", "psn_part_amt", "personalBurden", "acct_pay", "accountPaid",
                "psn_cash_pay", "cashPaid");
        fields.forEach((nhsa, own) -> assertEquals(0, new BigDecimal(suite.getString(own))
                .compareTo(new BigDecimal(gateway.getString("output.setlinfo." + nhsa))), nhsa));
    }

    @Test
    void anOutpatientVisitRegisteredUploadedAndSettled() {
        SuiteData.institution("GW-H-OP", "HOSPITAL");
        long person = SuiteData.employee(TestData.idNumber(), "患者乙", "100");
        His his = new His("GW-H-OP");
        his.signIn();
        JsonPath registered = his.call("2201", Map.of("data", Map.of("psn_no", person, "insutype", "310",
                "begntime", "2026-11-30 09:12:00", "mdtrt_cert_type", "02", "ipt_otp_no", "MZ" + person,
                "atddr_no", "D01", "dr_name", "医生", "dept_code", "A03", "caty", "A03")));
        assertEquals(0, registered.getInt("infcode"), registered.getString("err_msg"));
        String mdtrtId = registered.getString("output.data.mdtrt_id");
        // 2204 with feedetail as a single object, as some clients send it
        JsonPath uploaded = his.call("2204", Map.of("feedetail", Map.of("feedetl_sn", "1", "mdtrt_id", mdtrtId,
                "psn_no", person, "med_list_codg", "A001", "cnt", "2", "pric", "400", "det_item_fee_sumamt", "800.00",
                "fee_ocur_time", "20261130091500")));
        assertEquals(0, uploaded.getInt("infcode"), uploaded.getString("err_msg"));
        JsonPath preview = his.call("2206", Map.of("data", Map.of("psn_no", person, "mdtrt_id", mdtrtId,
                "medfee_sumamt", "800.00", "acct_used_flag", "1", "med_type", "11")));
        assertEquals(0, preview.getInt("infcode"), preview.getString("err_msg"));
        JsonPath wrongTotal = his.call("2207", Map.of("data", Map.of("psn_no", person, "mdtrt_id", mdtrtId,
                "medfee_sumamt", "801.00", "acct_used_flag", "1")));
        assertEquals("TOTAL_MISMATCH", wrongTotal.getString("warn_msg"));
        assertTrue(wrongTotal.getString("err_msg").startsWith("input.data.medfee_sumamt 801.00 与已上传费用明细总额不符"),
                wrongTotal.getString("err_msg"));
        assertTrue(wrongTotal.getString("err_msg").contains("total 800.00"), wrongTotal.getString("err_msg"));
        JsonPath settled = his.call("2207", Map.of("data", Map.of("psn_no", person, "mdtrt_id", mdtrtId,
                "medfee_sumamt", 800, "acct_used_flag", "1", "med_type", "11")));
        assertEquals(0, settled.getInt("infcode"), settled.getString("err_msg"));
        assertEquals("11", settled.getString("output.setlinfo.med_type"));
        sameFigures(settled, suiteSettlement(settled.getLong("output.setlinfo.setl_id")));
        assertEquals(0, new BigDecimal(preview.getString("output.setlinfo.hifp_pay"))
                .compareTo(new BigDecimal(settled.getString("output.setlinfo.hifp_pay"))));
    }

    @Test
    void eightCopiesOfOneSettlementSentAtOnceSettleOnce() throws Exception {
        SuiteData.institution("GW-H-OP", "HOSPITAL");
        long person = SuiteData.employee(TestData.idNumber(), "患者丙", "100");
        His his = new His("GW-H-OP");
        his.signIn();
        String mdtrtId = his.call("2201", Map.of("data", Map.of("psn_no", person, "begntime", "2026-11-30 09:12:00",
                "ipt_otp_no", "MZC" + person))).getString("output.data.mdtrt_id");
        assertEquals(0, his.call("2204", Map.of("feedetail", List.of(Map.of("feedetl_sn", "1", "mdtrt_id", mdtrtId,
                "med_list_codg", "A001", "cnt", "1", "pric", "300", "fee_ocur_time", "2026-11-30 09:15:00"))))
                .getInt("infcode"));
        Map<String, Object> settle = his.envelope("2207", his.newMsgid(), Map.of("data", Map.of("psn_no", person,
                "mdtrt_id", mdtrtId, "medfee_sumamt", "300.00", "acct_used_flag", "1")));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<JsonPath>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return his.send(settle);
            }));
        }
        start.countDown();
        java.util.Set<Long> settlements = new java.util.HashSet<>();
        for (java.util.concurrent.Future<JsonPath> f : answers) {
            JsonPath a = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (a.getInt("infcode") == 0) {
                settlements.add(a.getLong("output.setlinfo.setl_id"));
            } else { // a copy that found the first still running: told to retry, nothing done
                assertTrue(a.getString("err_msg").contains("重试"), a.getString("err_msg"));
            }
        }
        pool.shutdown();
        JsonPath again = his.send(settle); // the HIS's retry after all: the one settlement
        assertEquals(0, again.getInt("infcode"), again.getString("err_msg"));
        settlements.add(again.getLong("output.setlinfo.setl_id"));
        assertEquals(1, settlements.size(), settlements.toString());
        JsonPath suite = suiteSettlement(settlements.iterator().next());
        assertEquals("COMPLETED", suite.getString("status"));
        assertEquals(0, new BigDecimal("100").compareTo(new BigDecimal(suite.getString("accountPaid")))); // paid once
        JsonPath account = JsonPath.from(given().baseUri(SuiteProcesses.accountUrl()).get("/accounts/" + person)
                .then().statusCode(200).extract().asString());
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(account.getString("balance"))), account.prettify());
    }

    @Test
    void aPharmacyPurchasePaidByThePersonalAccountAndCancelled() {
        SuiteData.institution("GW-P-1", "PHARMACY");
        long person = SuiteData.employee(TestData.idNumber(), "患者乙", "500");
        His his = new His("GW-P-1");
        his.signIn();
        Map<String, Object> input = Map.of("druginfo", Map.of("psn_no", String.valueOf(person), "mdtrt_cert_type", "02",
                        "begntime", "2026-11-30 10:00:00", "medfee_sumamt", "120.00", "insutype", "310",
                        "acct_used_flag", "1", "med_type", "41"),
                "drugdetail", List.of(Map.of("feedetl_sn", "1", "med_list_codg", "A001", "cnt", "3", "pric", "40",
                        "det_item_fee_sumamt", "120.00", "fee_ocur_time", "2026-11-30 10:00:00")));
        JsonPath preview = his.call("2101", input);
        assertEquals(0, preview.getInt("infcode"), preview.getString("err_msg"));
        JsonPath settled = his.call("2102", input);
        assertEquals(0, settled.getInt("infcode"), settled.getString("err_msg"));
        long id = settled.getLong("output.setlinfo.setl_id");
        sameFigures(settled, suiteSettlement(id));
        assertEquals(0, new BigDecimal("120").compareTo(new BigDecimal(settled.getString("output.setlinfo.acct_pay"))));
        assertTrue(new BigDecimal(settled.getString("output.setlinfo.balc")).signum() >= 0);
        JsonPath cancelled = his.call("2103", Map.of("data", Map.of("setl_id", id, "psn_no", person)));
        assertEquals(0, cancelled.getInt("infcode"), cancelled.getString("err_msg"));
        assertEquals("CANCELLED", suiteSettlement(id).getString("status"));
    }
}
