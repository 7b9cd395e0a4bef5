package cn.medins.account.assistance;

import cn.medins.common.problem.ProblemException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
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
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();

    /** One data row as read: its number and its cells, or why it could not be read. */
    record Row(int number, List<String> cells, String unreadable) {
    }

    private IdentityCsv() {
    }

    static List<Row> read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        int number = 0;
        try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(body)) {
            while (true) {
                List<String> cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    cells = it.nextValue();
                } catch (IOException | RuntimeJsonMappingException e) {
                    rows.add(new Row(number + 1, List.of(), "unreadable CSV (" + firstLine(e.getMessage())
                            + "): this row and the rest of the file were not read"));
                    break;
                }
                number++;
                if (number == 1) {
                    checkHeader(cells);
                } else if (!blank(cells)) {
                    rows.add(new Row(number, cells, null));
                }
                if (rows.size() > MAX_ROWS) {
                    throw ProblemException.invalid("body", "at most " + MAX_ROWS + " rows per import");
                }
            }
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not CSV: " + firstLine(e.getMessage()));
        }
        if (number == 0) {
            throw ProblemException.invalid("body", "is empty; the first row is the header " + HEADER);
        }
        return rows;
    }

    private static void checkHeader(List<String> cells) {
        if (!String.join(",", cells).equals(HEADER)) {
            throw ProblemException.invalid("header", "must be " + HEADER + " (was " + String.join(",", cells) + ")");
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
