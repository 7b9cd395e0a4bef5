package cn.medins.nhsa.support;

import static io.restassured.RestAssured.given;

import cn.medins.testsupport.TestKeys;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hospital's HIS as vendors write them: envelopes with a 30-character msgid (institution code, time,
 * sequence), the day's sign_no, and {@code input} wrapped per transaction.
 */
public final class His {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final String institution;
    private final String token;
    private String signNo = "";

    public His(String institution) {
        this.institution = institution;
        this.token = TestKeys.institution(institution);
    }

    public String newMsgid() {
        return (institution + "000000000000").substring(0, 12)
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + String.format("%04d", SEQUENCE.incrementAndGet() % 10000);
    }

    public Map<String, Object> envelope(String infno, String msgid, Object input) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("infno", infno);
        e.put("msgid", msgid);
        e.put("mdtrtarea_admvs", "150402");
        e.put("insuplc_admdvs", "150400");
        e.put("recer_sys_code", "MBS_LOCAL");
        e.put("infver", "V1.0");
        e.put("opter_type", "1");
        e.put("opter", "001");
        e.put("opter_name", "收费员");
        e.put("inf_time", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        e.put("fixmedins_code", institution);
        e.put("fixmedins_name", "医院");
        e.put("sign_no", signNo);
        e.put("input", input);
        return e;
    }

    public JsonPath send(Object envelope) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(envelope)
                .post("/fsi/api/rsfComIfsService/callService").then().statusCode(200).extract().jsonPath();
    }

    public JsonPath call(String infno, Object input) {
        return send(envelope(infno, newMsgid(), input));
    }

    public String signIn() {
        JsonPath a = call("9001", Map.of("signIn", Map.of("opter_no", "001", "mac", "00:00:00:00:00:00", "ip", "127.0.0.1")));
        signNo = a.getString("output.signinoutb.sign_no");
        return signNo;
    }
}
