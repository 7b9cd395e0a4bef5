package cn.medins.account.assistance;

import cn.medins.common.problem.ProblemException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.List;

/**
 * Reads a civil-affairs list (RFC 4180 CSV, UTF-8, with or without a BOM): the header
 * {@value #HEADER}, then one identity per row. Rows are numbered as a spreadsheet shows them: the
 * header is row 1. A row the CSV syntax breaks (an unclosed quote) ends the reading; the rows before
 * it are kept, and it is reported as the last rejected row.
 */
final class IdentityCsv {

    static final String HEADER = "idNumber,name,category,validFrom,validTo,documentRef";
    static final int MAX_ROWS = 100_000;
    /** The longest cell: a name or a document reference is at most 100 characters. */
    static final int MAX_CELL = 1_000;
    /** The largest file: 100,000 rows of some 160 bytes. */
    static final long MAX_BYTES = 16 << 20;
    private static final CsvMapper CSV = CsvMapper.builder(CsvFactory.builder().streamReadConstraints(
                    StreamReadConstraints.builder().maxStringLength(MAX_CELL).build()).build())
            .enable(CsvParser.Feature.WRAP_AS_ARRAY).enable(CsvParser.Feature.TRIM_SPACES).build();

    /** One data row as read: its number and its cells, or why it could not be read. */
    record Row(int number, List<String> cells, String unreadable) {
    }

    private IdentityCsv() {
    }

    /**
     * Reads the file a row at a time, handing each data row to {@code each}: never more than one row is
     * held. UTF-8 (a BOM skipped), at most {@value #MAX_ROWS} rows and {@value #MAX_CELL} characters a cell.
     */
    static void forEachRow(byte[] file, Consumer<Row> each) {
        int number = 0;
        int rows = 0;
        try (Reader text = utf8(file); MappingIterator<List<String>> it = CSV.readerForListOf(String.class)
                .readValues(text)) {
            while (true) {
                List<String> cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    cells = it.nextValue();
                } catch (IOException | RuntimeJsonMappingException e) {
                    if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                        throw ProblemException.invalid("body", "is not UTF-8 text (save the list as CSV UTF-8)");
                    }
                    each.accept(new Row(number + 1, List.of(), "unreadable CSV (" + firstLine(e.getMessage())
                            + "): this row and the rest of the file were not read"));
                    break;
                }
                number++;
                if (number == 1) {
                    checkHeader(cells);
                } else if (!blank(cells)) {
                    if (++rows > MAX_ROWS) {
                        throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
                    }
                    each.accept(new Row(number, cells, null));
                }
            }
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "is not UTF-8 text (save the list as CSV UTF-8)");
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not CSV: " + firstLine(e.getMessage()));
        }
        if (number == 0) {
            throw ProblemException.invalid("body", "is empty; the first row is the header " + HEADER);
        }
    }

    /** The bytes as UTF-8 text, a BOM skipped; a byte that is not UTF-8 fails the reading (a GBK export, say). */
    private static Reader utf8(byte[] file) {
        int bom = file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF
                ? 3 : 0;
        return new InputStreamReader(new ByteArrayInputStream(file, bom, file.length - bom),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static void checkHeader(List<String> cells) {
        if (!String.join(",", cells).equals(HEADER)) {
            String was = String.join(",", cells);
            throw ProblemException.invalid("header", "must be " + HEADER + " (was "
                    + (was.length() > 200 ? was.substring(0, 200) + "..." : was) + ")");
        }
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(String::isBlank);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
