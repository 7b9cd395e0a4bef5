package cn.medins.nhsa.exchange;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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

    /** A zip may not unpack to more than this: {@link #MAX_ROWS} lines of the longest length. */
    static final int MAX_TEXT = 64 << 20;
    /** Settlements in one file: a large hospital's month; a longer period is reconciled in parts. */
    public static final int MAX_ROWS = 100_000;
    /** The longest line: seven fields of at most 30 characters and their separators, many times over. */
    static final int MAX_LINE = 1_024;

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
                if (!line[col].isEmpty() && !line[col].matches("-?\\d{1,16}(\\.\\d{1,2})?")) {
                    throw new Unreadable("明细文件第 " + n + " 行第 " + (col + 1) + " 列应为金额（至多 16 位整数、2 位小数），收到 "
                            + cn.medins.nhsa.envelope.Fields.abbreviate(line[col]), n);
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

    /**
     * The lines of the uploaded file, each split at TAB and trimmed; blank lines skipped. Read as a stream, a
     * line at a time: at most {@link #MAX_ROWS} settlements of at most {@link #MAX_LINE} characters, from at
     * most {@link #MAX_TEXT} unzipped, so that neither a long file nor a small zip of much text is ever held.
     */
    public static List<String[]> lines(byte[] file) throws Unreadable {
        List<String[]> lines = new ArrayList<>();
        try (Reader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            StringBuilder line = new StringBuilder();
            int number = 1;
            for (int ch = in.read(); ; ch = in.read()) {
                if (ch == '\n' || ch < 0) {
                    add(lines, line, number++);
                    line.setLength(0);
                    if (ch < 0) {
                        return lines;
                    }
                } else if (line.length() == MAX_LINE) {
                    throw new Unreadable("明细文件第 " + number + " 行超过 " + MAX_LINE + " 字符", number);
                } else if (ch != '\uFEFF' || number > 1 || !line.isEmpty()) {
                    line.append((char) ch);
                }
            }
        } catch (Inflated.TooLarge e) {
            throw new Unreadable("明细文件解压后超过 " + (MAX_TEXT >> 20) + " MiB");
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("明细文件不是有效的 zip 压缩文件：" + e.getMessage());
        }
    }

    private static void add(List<String[]> lines, CharSequence line, int number) throws Unreadable {
        if (line.toString().isBlank()) {
            return;
        }
        if (lines.size() == MAX_ROWS) {
            throw new Unreadable("明细文件超过 " + MAX_ROWS + " 笔结算：请按更短的对账期分次对账", number);
        }
        String[] fields = line.toString().split("\t", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].trim();
        }
        lines.add(fields);
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

    /** The first file of a zip, or the bytes themselves when they are not a zip, as a bounded stream. */
    static InputStream open(byte[] file) throws IOException, Unreadable {
        if (file.length < 4 || file[0] != 'P' || file[1] != 'K') {
            return new ByteArrayInputStream(file);
        }
        ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file), StandardCharsets.UTF_8);
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (!e.isDirectory()) {
                return new Inflated(zip);
            }
        }
        throw new Unreadable("压缩文件中没有明细文件");
    }

    /** A zip entry read through a counter: past {@link #MAX_TEXT} it stops, however well it compressed. */
    private static final class Inflated extends FilterInputStream {

        static final class TooLarge extends IOException {
            TooLarge() {
                super("over " + MAX_TEXT);
            }
        }

        private long read;

        Inflated(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > MAX_TEXT) {
                throw new TooLarge();
            }
        }
    }
}
