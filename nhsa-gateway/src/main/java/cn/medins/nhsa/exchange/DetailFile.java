package cn.medins.nhsa.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The files of 3202 对明细账: a zip holding one text file, one settlement per line, fields separated by TAB
 * (docs/nhsa.md 17.2). A file that is not a zip is read as the text itself; the text is UTF-8 (the fields are
 * numbers and codes, so a GBK file reads the same).
 */
public final class DetailFile {

    /** A zip may not unpack to more than this: 64 MiB holds a million settlements. */
    static final int MAX_TEXT = 64 << 20;

    private DetailFile() {
    }

    /** The file could not be read ({@code line} 0: as a whole, else that line); the message says why, in Chinese. */
    public static final class Unreadable extends Exception {
        public final int line;

        public Unreadable(String message) {
            this(message, 0);
        }

        Unreadable(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /**
     * The settlements of an uploaded file (3202) in the specification's column order: setl_id, mdtrt_id, psn_no,
     * medfee_sumamt, fund_pay_sumamt, acct_pay (, refd_setl_flag). Foshan's clients write mdtrt_id first: when
     * the second column names more settlements ({@code isSettlement}) than the first, the two are swapped.
     */
    public static List<String[]> settlements(byte[] file, Predicate<String> isSettlement) throws Unreadable {
        List<String[]> lines = lines(file);
        int n = 0;
        for (String[] line : lines) {
            n++;
            if (line.length < 6) {
                throw new Unreadable("明细文件第 " + n + " 行只有 " + line.length + " 列，应有 setl_id、mdtrt_id、psn_no、"
                        + "medfee_sumamt、fund_pay_sumamt、acct_pay（、refd_setl_flag），以 TAB 分隔", n);
            }
            for (int col = 3; col < 6; col++) {
                if (!line[col].isEmpty() && !line[col].matches("-?\\d+(\\.\\d+)?")) {
                    throw new Unreadable("明细文件第 " + n + " 行第 " + (col + 1) + " 列应为金额，收到 " + line[col], n);
                }
            }
        }
        long first = lines.stream().filter(l -> isSettlement.test(l[0])).count();
        long second = lines.stream().filter(l -> isSettlement.test(l[1])).count();
        if (second <= first) {
            return lines;
        }
        return lines.stream().map(l -> {
            String[] swapped = l.clone();
            swapped[0] = l[1];
            swapped[1] = l[0];
            return swapped;
        }).toList();
    }

    /** The lines of the uploaded file, each split at TAB and trimmed; blank lines skipped. */
    public static List<String[]> lines(byte[] file) throws Unreadable {
        String text = new String(unzip(file), StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].trim();
            }
            lines.add(fields);
        }
        return lines;
    }

    /** A zip of one text file {@code entry} holding these lines, TAB-separated. */
    public static byte[] zip(String entry, List<List<String>> lines) {
        StringBuilder text = new StringBuilder();
        for (List<String> line : lines) {
            text.append(String.join("\t", line)).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException("a zip in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /** The first file of a zip, or the bytes themselves when they are not a zip. */
    static byte[] unzip(byte[] file) throws Unreadable {
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K') {
            return file;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    return bounded(zip);
                }
            }
            throw new Unreadable("压缩文件中没有明细文件");
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("明细文件不是有效的 zip 压缩文件：" + e.getMessage());
        }
    }

    private static byte[] bounded(InputStream in) throws IOException, Unreadable {
        byte[] text = in.readNBytes(MAX_TEXT + 1);
        if (text.length > MAX_TEXT) {
            throw new Unreadable("明细文件解压后超过 64 MiB");
        }
        return text;
    }
}
