package cn.medins.nhsa.transaction;

import static cn.medins.nhsa.envelope.Fields.node;
import static cn.medins.nhsa.envelope.Fields.requiredText;
import static cn.medins.nhsa.envelope.Fields.text;

import cn.medins.nhsa.envelope.Download;
import cn.medins.nhsa.envelope.EnvelopeReader;
import cn.medins.nhsa.envelope.NhsaRefusal;
import cn.medins.nhsa.exchange.ExchangeFile;
import cn.medins.nhsa.exchange.ExchangeFileRepository;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

/**
 * 9101 文件上传 / 9102 文件下载: an institution's file stored under a 文件查询号, and a file given back by
 * it. The bytes come as the clients send them: a JSON array of byte values (signed, as Java and C# bytes, or
 * 0-255, read into bytes as the message is read), or a Base64 string.
 */
@ApplicationScoped
public class FileTransactions {

    static final int MAX_FILE = EnvelopeReader.MAX_FILE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    ExchangeFileRepository files;

    @Inject
    Clock clock;

    JsonNode upload(Call c) {
        ObjectNode in = node(c.input(), "fsuploadin", "data");
        String path = in == c.input() ? "input." : "input.fsUploadIn.";
        String filename = requiredText(in, path, "filename");
        if (filename.length() > 200) {
            throw NhsaRefusal.field(path + "filename", " 过长（至多 200 字符）");
        }
        sameInstitution(c, text(in, "fixmedins_code"), path);
        ExchangeFile f = files.store(c.institution(), ExchangeFile.UPLOAD, filename, bytes(in.get("in"), path + "in"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("file_qury_no", f.fileQuryNo);
        out.put("filename", f.filename);
        out.put("fixmedins_code", f.fixmedinsCode);
        out.put("dld_endtime", TIME.format(f.downloadUntil.atZone(clock.getZone())));
        return out;
    }

    /** 9102: the file, if it is this institution's and its deadline has not passed. */
    Download download(Call c) {
        ObjectNode in = node(c.input(), "fsdownloadin", "data");
        String path = in == c.input() ? "input." : "input.fsDownloadIn.";
        String number = requiredText(in, path, "file_qury_no");
        ExchangeFile f = files.find(c.institution(), number).orElseThrow(() -> new NhsaRefusal(path + "file_qury_no "
                + number + " 不存在、不属于本机构或已过下载截止时间", "FILE_NOT_FOUND"));
        return new Download(f.filename, f.content);
    }

    /** The file of a number named in a message (3202), uploaded by this institution. */
    ExchangeFile uploaded(Call c, String path, String number) {
        return files.find(c.institution(), number).filter(f -> ExchangeFile.UPLOAD.equals(f.kind))
                .orElseThrow(() -> new NhsaRefusal(path + "file_qury_no " + number + " 不是本机构已上传（9101）且未过期的文件",
                        "FILE_NOT_FOUND"));
    }

    ExchangeFile result(Call c, String filename, byte[] content) {
        return files.store(c.institution(), ExchangeFile.RESULT, filename, content);
    }

    /** BZ-JS and others pass "plc" or leave it out; a code of another institution is refused. */
    private static void sameInstitution(Call c, String code, String path) {
        if (code != null && !"plc".equalsIgnoreCase(code) && !code.equals(c.institution())) {
            throw new NhsaRefusal(path + "fixmedins_code " + code + " 与报文的 fixmedins_code " + c.institution()
                    + " 不符", "FORBIDDEN");
        }
    }

    static byte[] bytes(JsonNode in, String field) {
        if (in == null || in.isNull() || (in.isContainerNode() && in.isEmpty())) {
            throw NhsaRefusal.field(field, " 不能为空（文件数据）");
        }
        if (in.isTextual()) {
            try {
                return bounded(Base64.getMimeDecoder().decode(in.asText()), field);
            } catch (IllegalArgumentException e) {
                throw NhsaRefusal.field(field, " 应为字节数组或 Base64 文本");
            }
        }
        if (in.isBinary()) { // a list of byte values, read into bytes with the message (EnvelopeReader)
            return bounded(((com.fasterxml.jackson.databind.node.BinaryNode) in).binaryValue(), field);
        }
        throw NhsaRefusal.field(field, " 应为字节数组或 Base64 文本");
    }

    private static byte[] bounded(byte[] file, String field) {
        if (file.length > MAX_FILE) {
            throw tooLarge(field);
        }
        return file;
    }

    private static NhsaRefusal tooLarge(String field) {
        return NhsaRefusal.field(field, " 文件过大（至多 4 MiB）");
    }
}
