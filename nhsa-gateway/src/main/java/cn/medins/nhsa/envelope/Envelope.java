package cn.medins.nhsa.envelope;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message as a HIS sends it (通用报文): the transaction {@code infno}, the sender's {@code msgid}, the
 * institution, the day's {@code sign_no}, and {@code input}, already unwrapped (an object, even when it
 * came as a JSON string) with every key in lower case.
 */
public record Envelope(String infno, String msgid, String fixmedinsCode, String signNo, String opter,
                       String insuplcAdmdvs, ObjectNode input) {
}
