package io.cxloop.rules.triage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/** The built-in decision table as an analyst downloads it, and edits of it as an analyst would make them in Excel. */
final class TriageTable {

    static final String RESOURCE = "io/cxloop/rules/triage/triage.xlsx";

    /** Columns of the built-in sheet (column B holds the policy sentence). */
    static final int POLICY = 1;

    static final int NPS_CLASS = 2;
    static final int TOPIC = 3;
    static final int VALUE_SEGMENT = 4;
    static final int TOUCHPOINT = 5;
    static final int SEVERITY = 6;
    static final int TEAM = 7;
    static final int SLA_HOURS = 8;
    static final int ACTION = 9;

    private static final Pattern RULE_NAME = Pattern.compile("(?m)^rule \"(.+)\"");

    private TriageTable() {}

    static byte[] builtInBytes() {
        try (InputStream in = TriageTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ruleNames(String drl) {
        Matcher matcher = RULE_NAME.matcher(drl);
        return matcher.results().map(m -> m.group(1)).toList();
    }

    /** The built-in table with an analyst's edits applied to its sheet. */
    static byte[] edited(Consumer<Sheet> edit) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(builtInBytes()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook.getSheetAt(0));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row whose policy sentence is the given one. */
    static Row row(Sheet sheet, String policy) {
        DataFormatter formatter = new DataFormatter();
        for (Row row : sheet) {
            Cell cell = row.getCell(POLICY);
            if (cell != null && formatter.formatCellValue(cell).equals(policy)) {
                return row;
            }
        }
        throw new IllegalArgumentException("No row '" + policy + "' in the triage table");
    }

    static void set(Row row, int column, String value) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setCellValue(value);
    }

    static void set(Row row, int column, int value) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setCellValue(value);
    }

    /** The row of code snippets under the object type (row 10), which analysts must leave alone. */
    static Row codeRow(Sheet sheet) {
        return sheet.getRow(9);
    }

    /** Inserts a rule row above the given one, as "Insert row" in Excel does. */
    static Row insertAbove(Sheet sheet, Row below, String... cells) {
        int at = below.getRowNum();
        sheet.shiftRows(at, sheet.getLastRowNum(), 1);
        Row row = sheet.createRow(at);
        for (int i = 0; i < cells.length; i++) {
            if (!cells[i].isEmpty()) {
                if (i + POLICY == SLA_HOURS) {
                    row.createCell(i + POLICY).setCellValue(Integer.parseInt(cells[i]));
                } else {
                    row.createCell(i + POLICY).setCellValue(cells[i]);
                }
            }
        }
        return row;
    }
}
