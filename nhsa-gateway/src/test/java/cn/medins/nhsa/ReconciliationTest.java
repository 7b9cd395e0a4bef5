package cn.medins.nhsa;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.medins.nhsa.support.His;
import cn.medins.nhsa.support.SuiteData;
import cn.medins.nhsa.support.SuiteProcesses;
import cn.medins.testsupport.TestData;
import cn.medins.testsupport.TestKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A day reconciled through the gateway as a HIS does it: 3201 对总账 matched and different, then 3202 对明细账
 * through its files (9101 upload of a zipped TAB-separated list, 3202, 9102 download of the result zip), each
 * figure checked against the suite's own (GET /reconciliations/agency-totals, GET /settlements/{id}).
 */
@QuarkusTest
class ReconciliationTest {

    private String hospital;
    private His his;
    /** The day's three settlements still completed, and a fourth cancelled; setlinfo of each. */
    private final List<JsonPath> settled = new ArrayList<>();
    private JsonPath cancelled;
    private final Map<Long, String> msgids = new HashMap<>();

    @BeforeEach
    void aDayOfOutpatientSettlements() {
        hospital = "GW-R-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000); // the day's figures are its alone
        SuiteData.institution(hospital, "HOSPITAL");
        his = new His(hospital);
        his.signIn();
        for (String amount : new String[] {"800.00", "500.00", "300.00", "260.00"}) {
            settled.add(outpatient(SuiteData.employee(TestData.idNumber(), "对账患者", "100"), amount));
        }
        cancelled = settled.remove(3);
        JsonPath undone = his.call("2208", Map.of("data", Map.of("setl_id", setlId(cancelled),
                "mdtrt_id", cancelled.getString("output.setlinfo.mdtrt_id"), "psn_no", psnNo(cancelled))));
        assertEquals(0, undone.getInt("infcode"), undone.getString("err_msg"));
    }

    /** 2201, 2204, 2207 for one person: the settlement's answer. */
    private JsonPath outpatient(long person, String amount) {
        JsonPath registered = his.call("2201", Map.of("data", Map.of("psn_no", person, "insutype", "310",
                "begntime", TestData.TODAY + " 09:12:00", "mdtrt_cert_type", "02", "ipt_otp_no", "MZ" + person,
                "atddr_no", "D01", "dr_name", "医生", "dept_code", "A03", "caty", "A03")));
        assertEquals(0, registered.getInt("infcode"), registered.getString("err_msg"));
        String mdtrtId = registered.getString("output.data.mdtrt_id");
        JsonPath uploaded = his.call("2204", Map.of("feedetail", List.of(Map.of("feedetl_sn", "1", "mdtrt_id", mdtrtId,
                "psn_no", person, "med_list_codg", "A001", "cnt", "1", "pric", amount, "det_item_fee_sumamt", amount,
                "fee_ocur_time", TestData.TODAY + " 09:15:00"))));
        assertEquals(0, uploaded.getInt("infcode"), uploaded.getString("err_msg"));
        String msgid = his.newMsgid();
        JsonPath s = his.send(his.envelope("2207", msgid, Map.of("data", Map.of("psn_no", person, "mdtrt_id", mdtrtId,
                "medfee_sumamt", amount, "acct_used_flag", "1", "med_type", "11", "insutype", "310"))));
        assertEquals(0, s.getInt("infcode"), s.getString("err_msg"));
        msgids.put(setlId(s), msgid);
        return s;
    }

    private static long setlId(JsonPath s) {
        return s.getLong("output.setlinfo.setl_id");
    }

    private static String psnNo(JsonPath s) {
        return s.getString("output.setlinfo.psn_no");
    }

    private static BigDecimal figure(JsonPath s, String field) {
        return new BigDecimal(s.getString("output.setlinfo." + field));
    }

    private BigDecimal sum(String field) {
        return settled.stream().map(s -> figure(s, field)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private JsonPath agencyTotals() {
        return JsonPath.from(given().baseUri(SuiteProcesses.reimbursementUrl())
                .header("Authorization", "Bearer " + TestKeys.institution(hospital))
                .queryParam("institutionCode", hospital).queryParam("from", TestData.TODAY.toString())
                .queryParam("to", TestData.TODAY.toString()).get("/reconciliations/agency-totals")
                .then().statusCode(200).extract().asString());
    }

    /** 3201's data as a HIS fills it from the setlinfo it kept: insutype 310, clr_type 11, the day. */
    private Map<String, Object> totals(Object count, BigDecimal medfee, BigDecimal fund, BigDecimal account) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("insutype", "310");
        d.put("clr_type", "11");
        d.put("setl_optins", settled.get(0).getString("output.setlinfo.clr_optins"));
        d.put("stmt_begndate", TestData.TODAY + " 00:00:00"); // as Foshan's client sends them
        d.put("stmt_enddate", TestData.TODAY + " 23:59:59");
        d.put("medfee_sumamt", medfee.toPlainString());
        d.put("fund_pay_sumamt", fund);
        d.put("acct_pay", account);
        d.put("fixmedins_setl_cnt", count);
        d.put("REFD_SETL_FLAG", "0");
        return d;
    }

    @Test
    void theDaysTotalsMatchWhatTheHisSumsFromItsSettlementsAndDifferencesAreNamed() {
        // the suite's own figures of the day are what the HIS sums from the three setlinfo it keeps
        JsonPath agency = agencyTotals();
        assertEquals(1, agency.getList("byType").size());
        assertEquals(3, agency.getInt("byType[0].count"));
        assertEquals(0, sum("medfee_sumamt").compareTo(new BigDecimal(agency.getString("byType[0].totalAmount"))));
        assertEquals(0, sum("fund_pay_sumamt").compareTo(new BigDecimal(agency.getString("byType[0].fundPaidTotal"))
                .add(new BigDecimal(agency.getString("byType[0].assistancePaid")))));
        assertEquals(0, sum("acct_pay").compareTo(new BigDecimal(agency.getString("byType[0].accountPaid"))));
        assertEquals(0, new BigDecimal("1600").compareTo(sum("medfee_sumamt")));

        JsonPath matched = his.call("3201", Map.of("data", totals("3", sum("medfee_sumamt"),
                sum("fund_pay_sumamt"), sum("acct_pay"))));
        assertEquals(0, matched.getInt("infcode"), matched.getString("err_msg"));
        assertEquals("0", matched.getString("output.stmtinfo.stmt_rslt"));
        assertEquals("", matched.getString("output.stmtinfo.stmt_rslt_dscr"));
        assertEquals("150400", matched.getString("output.stmtinfo.setl_optins"));

        // the HIS still counts the cancelled one: count and total differ, each named with both figures
        JsonPath different = his.call("3201", Map.of("data", totals(4, sum("medfee_sumamt")
                .add(figure(cancelled, "medfee_sumamt")), sum("fund_pay_sumamt"), sum("acct_pay"))));
        assertEquals(0, different.getInt("infcode"), different.getString("err_msg"));
        assertEquals("1", different.getString("output.stmtinfo.stmt_rslt"));
        assertEquals("结算笔数：医院 4，中心 3；医疗费总额：医院 1860.00，中心 1600.00",
                different.getString("output.stmtinfo.stmt_rslt_dscr"));

        // another clearing type has none of them
        Map<String, Object> inpatient = totals(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        inpatient.put("clr_type", "21");
        assertEquals("0", his.call("3201", Map.of("data", inpatient)).getString("output.stmtinfo.stmt_rslt"));

        Map<String, Object> backwards = totals(3, sum("medfee_sumamt"), sum("fund_pay_sumamt"), sum("acct_pay"));
        backwards.put("stmt_enddate", TestData.TODAY.minusDays(1).toString());
        JsonPath refused = his.call("3201", Map.of("data", backwards));
        assertEquals(-1, refused.getInt("infcode"));
        assertTrue(refused.getString("err_msg").contains("input.data.stmt_enddate"), refused.getString("err_msg"));
    }

    @Test
    void theDetailFileIsComparedLineByLineAndTheResultFileNamesEachSettlementsMsgid() throws IOException {
        JsonPath first = settled.get(0);
        JsonPath second = settled.get(1);
        JsonPath third = settled.get(2);
        List<String> lines = List.of(
                line(first, figure(first, "fund_pay_sumamt"), "0"),
                line(second, figure(second, "fund_pay_sumamt").add(BigDecimal.ONE), "0"), // one yuan more than paid
                String.join("\t", "999999999", "MZ0", "1", "10.00", "0.00", "0.00", "0"), // not the agency's
                line(cancelled, figure(cancelled, "fund_pay_sumamt"), "1")); // a refund: cancelled at the agency too
        // the third settlement is not in the file: the agency's alone
        String uploaded = upload(zip("detail.txt", String.join("\r\n", lines) + "\r\n"));

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("setl_optins", "150400");
        d.put("file_qury_no", uploaded);
        d.put("stmt_begndate", TestData.TODAY.toString());
        d.put("stmt_enddate", TestData.TODAY.toString());
        BigDecimal medfee = sumColumn(lines, 3);
        d.put("medfee_sumamt", medfee);
        d.put("fund_pay_sumamt", sumColumn(lines, 4));
        d.put("cash_payamt", "0");
        d.put("fixmedins_setl_cnt", "4");
        JsonPath answer = his.call("3202", Map.of("data", d));
        assertEquals(0, answer.getInt("infcode"), answer.getString("err_msg"));
        assertEquals("1", answer.getString("output.stmtinfo.stmt_rslt"));
        assertEquals("3 笔结算不一致，见结果文件", answer.getString("output.stmtinfo.stmt_rslt_dscr"));
        String result = answer.getString("output.fileinfo.file_qury_no");
        assertNotEquals(uploaded, result);
        assertTrue(answer.getString("output.fileinfo.dld_endtime").startsWith(TestData.TODAY.plusDays(1) + " 23:59:59"));

        Map<String, String[]> rows = download(result);
        assertEquals(5, rows.size()); // four uploaded, one the agency's alone
        assertRow(rows.get(String.valueOf(setlId(first))), first, "0");
        assertTrue(rows.get(String.valueOf(setlId(first)))[6].endsWith("险种 310"));
        String[] wrong = rows.get(String.valueOf(setlId(second)));
        assertRow(wrong, second, "1");
        assertEquals("基金支付总额：医院 " + figure(second, "fund_pay_sumamt").add(BigDecimal.ONE) + "，中心 "
                + figure(second, "fund_pay_sumamt") + "；险种 310", wrong[6]);
        assertEquals("2", rows.get("999999999")[4]);
        assertEquals("", rows.get("999999999")[3]);
        String[] refund = rows.get(String.valueOf(setlId(cancelled)));
        assertEquals("0", refund[4]);
        assertEquals("1", refund[5]);
        assertRow(rows.get(String.valueOf(setlId(third))), third, "3");

        // a lost count is refused naming the field; so is a number that is not an uploaded file
        d.put("fixmedins_setl_cnt", 5);
        JsonPath miscounted = his.call("3202", Map.of("data", d));
        assertEquals(-1, miscounted.getInt("infcode"));
        assertTrue(miscounted.getString("err_msg").contains("input.data.fixmedins_setl_cnt"));
        d.put("fixmedins_setl_cnt", 4);
        d.put("file_qury_no", result);
        JsonPath notUploaded = his.call("3202", Map.of("data", d));
        assertEquals("FILE_NOT_FOUND", notUploaded.getString("warn_msg"));
    }

    @Test
    void foshansSwappedColumnsAreReadAndAnotherInstitutionCannotDownloadTheResult() throws IOException {
        JsonPath first = settled.get(0);
        String[] columns = line(first, figure(first, "fund_pay_sumamt"), "0").split("\t");
        String swapped = String.join("\t", columns[1], columns[0], columns[2], columns[3], columns[4], columns[5], "0");
        // mdtrt_id before setl_id, as Foshan's tool writes them; a BOM before the first line
        String uploaded = upload(zip("detail.txt", "\uFEFF" + swapped + "\n"));
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("setl_optins", "150400");
        d.put("file_qury_no", uploaded);
        d.put("stmt_begndate", TestData.TODAY + " 00:00:00");
        d.put("stmt_enddate", TestData.TODAY + " 23:59:59");
        d.put("medfee_sumamt", columns[3]);
        d.put("fund_pay_sumamt", columns[4]);
        d.put("cash_payamt", "0.00");
        d.put("fixmedins_setl_cnt", "1");
        JsonPath answer = his.call("3202", Map.of("data", d));
        assertEquals(0, answer.getInt("infcode"), answer.getString("err_msg"));
        String result = answer.getString("output.fileinfo.file_qury_no");
        Map<String, String[]> rows = download(result);
        assertRow(rows.get(String.valueOf(setlId(first))), first, "0");
        assertEquals("3", rows.get(String.valueOf(setlId(settled.get(1))))[4]);

        His other = new His("GW-R-OTHER");
        other.signIn();
        JsonPath refused = other.call("9102", Map.of("fsDownloadIn", Map.of("file_qury_no", result, "filename", "plc",
                "fixmedins_code", "plc")));
        assertEquals(-1, refused.getInt("infcode"));
        assertEquals("FILE_NOT_FOUND", refused.getString("warn_msg"));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedNamingTheLineOrTheField() throws IOException {
        JsonPath outOfRange = his.call("9101", Map.of("fsUploadIn", Map.of("in", List.of(80, 75, 300), "filename", "x.zip")));
        assertEquals(-1, outOfRange.getInt("infcode"));
        assertTrue(outOfRange.getString("err_msg").startsWith("input.fsUploadIn.in[2]"), outOfRange.getString("err_msg"));
        JsonPath otherInstitution = his.call("9101", Map.of("fsUploadIn", Map.of("in", List.of(1), "filename", "x.zip",
                "fixmedins_code", "H-ELSEWHERE")));
        assertEquals("FORBIDDEN", otherInstitution.getString("warn_msg"));

        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stmt_begndate", TestData.TODAY.toString());
        d.put("stmt_enddate", TestData.TODAY.toString());
        d.put("medfee_sumamt", "10.00");
        d.put("fund_pay_sumamt", "0");
        d.put("fixmedins_setl_cnt", 1);
        d.put("file_qury_no", upload(zip("detail.txt", "1\t2\t3\n"))); // three columns
        JsonPath shortLine = his.call("3202", Map.of("data", d));
        assertEquals(-1, shortLine.getInt("infcode"));
        assertTrue(shortLine.getString("err_msg").startsWith("明细文件第 1 行只有 3 列"), shortLine.getString("err_msg"));
        d.put("file_qury_no", upload(new byte[] {'P', 'K', 3, 4, 0, 0, 9, 9, 9}));
        JsonPath broken = his.call("3202", Map.of("data", d));
        assertEquals(-1, broken.getInt("infcode"));
        assertTrue(broken.getString("err_msg").startsWith("input.data.file_qury_no 的文件无法读取"), broken.getString("err_msg"));
    }

    /** A line in the spec's order: setl_id, mdtrt_id, psn_no, medfee_sumamt, fund_pay_sumamt, acct_pay, refd. */
    private static String line(JsonPath s, BigDecimal fund, String refund) {
        return String.join("\t", String.valueOf(setlId(s)), s.getString("output.setlinfo.mdtrt_id"), psnNo(s),
                s.getString("output.setlinfo.medfee_sumamt"), fund.toPlainString(), s.getString("output.setlinfo.acct_pay"),
                refund);
    }

    private static BigDecimal sumColumn(List<String> lines, int column) {
        return lines.stream().map(l -> new BigDecimal(l.split("\t")[column])).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** psn_no, mdtrt_id, setl_id and msgid as the settlement's answer had them; the agency's three amounts. */
    private void assertRow(String[] row, JsonPath s, String result) {
        assertEquals(psnNo(s), row[0]);
        assertEquals(s.getString("output.setlinfo.mdtrt_id"), row[1]);
        assertEquals(String.valueOf(setlId(s)), row[2]);
        assertEquals(msgids.get(setlId(s)), row[3]);
        assertEquals(result, row[4], String.join("|", row));
        JsonPath suite = JsonPath.from(given().baseUri(SuiteProcesses.reimbursementUrl())
                .get("/settlements/" + setlId(s)).then().statusCode(200).extract().asString());
        assertYuan(new BigDecimal(suite.getString("totalAmount")), row[7]);
        assertYuan(new BigDecimal(suite.getString("fundPaidTotal")).add(new BigDecimal(suite.getString("assistancePaid"))),
                row[8]);
        assertYuan(new BigDecimal(suite.getString("accountPaid")), row[9]);
    }

    /** The same amount, written to the cent as the national files write it. */
    private static void assertYuan(BigDecimal expected, String written) {
        assertEquals(expected.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), written);
    }

    private static byte[] zip(String entry, String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** 9101 with the file as Java's signed bytes in a JSON array, as Foshan's client sends it. */
    private String upload(byte[] file) {
        List<Integer> signed = new ArrayList<>();
        for (byte b : file) {
            signed.add((int) b);
        }
        JsonPath answer = his.call("9101", Map.of("fsUploadIn", Map.of("in", signed, "filename", "detail.zip",
                "fixmedins_code", hospital)));
        assertEquals(0, answer.getInt("infcode"), answer.getString("err_msg"));
        String number = answer.getString("output.file_qury_no");
        assertEquals(30, number.length());
        assertEquals(hospital, answer.getString("output.fixmedins_code"));
        return number;
    }

    /** 9102: the zip's bytes, not an envelope; its one file's lines by setl_id (the third column). */
    private Map<String, String[]> download(String number) throws IOException {
        Response r = given().header("Authorization", "Bearer " + TestKeys.institution(hospital)).contentType(ContentType.JSON)
                .body(his.envelope("9102", his.newMsgid(), Map.of("fsDownloadIn", Map.of("file_qury_no", number,
                        "filename", "result.zip", "fixmedins_code", hospital))))
                .post("/fsi/api/rsfComIfsService/callService");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("application/octet-stream"), r.contentType());
        assertTrue(r.header("Content-Disposition").contains(".zip"));
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(r.asByteArray()))) {
            assertTrue(z.getNextEntry() != null);
            for (String l : new String(z.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] row = l.split("\t", -1);
                assertEquals(10, row.length, l);
                rows.put(row[2], row);
            }
        }
        return rows;
    }
}
