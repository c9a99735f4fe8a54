package io.cxloop.rules.triage.internal;

import io.cxloop.rules.feedback.NpsClass;
import io.cxloop.rules.feedback.Topic;
import io.cxloop.rules.model.Touchpoint;
import io.cxloop.rules.model.ValueSegment;
import io.cxloop.rules.triage.Severity;
import io.cxloop.rules.triage.TriageAction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Checks a triage workbook before Drools compiles it, so an uploaded table can only change data, never run code of
 * its own: the rule set header and the rule table's three code rows must be those of the built-in table; every rule
 * row holds a policy sentence, known values in the enum columns, a team name, whole SLA hours and an action. Each
 * problem names its cell, the way an analyst finds it in Excel.
 */
final class TriageWorkbook {

    /** Columns of the rule table, counted from the column that holds "RuleTable". */
    static final int NAME = 0;

    static final int NPS_CLASS = 1;
    static final int TOPIC = 2;
    static final int VALUE_SEGMENT = 3;
    static final int TOUCHPOINT = 4;
    static final int SEVERITY = 5;
    static final int TEAM = 6;
    static final int SLA_HOURS = 7;
    static final int ACTION = 8;
    static final int COLUMNS = 9;

    /** Rows of the rule table, counted from the row that holds "RuleTable": code rows, then the column titles. */
    private static final int CODE_ROWS = 3;

    private static final int FIRST_RULE_ROW_OFFSET = CODE_ROWS + 2;

    /** Header keywords an uploaded table may carry; only the notes may differ from the built-in table. */
    private static final Set<String> HEADER_KEYWORDS = Set.of("RuleSet", "Import", "Variables", "Sequential", "Notes");

    private static final Pattern TEAM_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final int MAX_SLA_HOURS = 24 * 365;

    private final DataFormatter formatter = new DataFormatter();

    private final Sheet sheet;
    private final int tableRow;
    private final int tableColumn;

    private TriageWorkbook(Sheet sheet, int tableRow, int tableColumn) {
        this.sheet = sheet;
        this.tableRow = tableRow;
        this.tableColumn = tableColumn;
    }

    /**
     * The problems of a workbook measured against the built-in one; empty when it may be compiled.
     *
     * @param reference the built-in table, whose header and code rows the workbook must keep
     */
    static List<String> problems(byte[] xlsx, byte[] reference) {
        List<String> problems = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx));
                Workbook builtIn = WorkbookFactory.create(new ByteArrayInputStream(reference))) {
            if (workbook.getNumberOfSheets() != 1) {
                problems.add("The workbook must hold exactly one sheet, the triage table; it holds "
                        + workbook.getNumberOfSheets());
                return problems;
            }
            TriageWorkbook table = locate(workbook.getSheetAt(0), problems);
            TriageWorkbook shipped = locate(builtIn.getSheetAt(0), new ArrayList<>());
            if (table == null || shipped == null) {
                return problems;
            }
            table.checkHeader(shipped, problems);
            table.checkCodeRows(shipped, problems);
            table.checkRuleRows(problems);
        } catch (IOException | RuntimeException e) {
            if (problems.isEmpty()) {
                problems.add("Not a readable XLSX workbook: " + e.getMessage());
            }
        }
        return problems;
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TriageWorkbook locate(Sheet sheet, List<String> problems) {
        DataFormatter formatter = new DataFormatter();
        List<Cell> tables = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (formatter.formatCellValue(cell).strip().startsWith("RuleTable")) {
                    tables.add(cell);
                }
            }
        }
        if (tables.size() != 1) {
            problems.add(
                    "Sheet " + sheet.getSheetName() + " must hold exactly one 'RuleTable'; it holds " + tables.size());
            return null;
        }
        Cell table = tables.get(0);
        return new TriageWorkbook(sheet, table.getRowIndex(), table.getColumnIndex());
    }

    private String text(int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? "" : formatter.formatCellValue(cell).strip();
    }

    private String where(int row, int column) {
        return sheet.getSheetName() + "!" + new CellReference(row, column).formatAsString(false);
    }

    private Map<String, String> header(List<String> problems) {
        Map<String, String> header = new LinkedHashMap<>();
        for (int row = 0; row < tableRow; row++) {
            String keyword = text(row, tableColumn);
            if (keyword.isEmpty()) {
                continue;
            }
            if (!HEADER_KEYWORDS.contains(keyword)) {
                problems.add(where(row, tableColumn) + ": '" + keyword + "' is not allowed above the rule table; only "
                        + String.join(", ", HEADER_KEYWORDS.stream().sorted().toList()));
            }
            header.put(keyword, text(row, tableColumn + 1));
        }
        header.remove("Notes");
        return header;
    }

    private void checkHeader(TriageWorkbook shipped, List<String> problems) {
        Map<String, String> header = header(problems);
        Map<String, String> expected = shipped.header(new ArrayList<>());
        if (!header.equals(expected)) {
            problems.add(sheet.getSheetName() + ": the rows above the rule table must stay as shipped ("
                    + expected.keySet() + "); only the Notes may change");
        }
    }

    private void checkCodeRows(TriageWorkbook shipped, List<String> problems) {
        if (!text(tableRow, tableColumn).equals(shipped.text(shipped.tableRow, shipped.tableColumn))) {
            problems.add(where(tableRow, tableColumn) + ": the rule table must keep its name, '"
                    + shipped.text(shipped.tableRow, shipped.tableColumn) + "'");
        }
        for (int offset = 1; offset <= CODE_ROWS; offset++) {
            Row row = sheet.getRow(tableRow + offset);
            int lastColumn = row == null ? 0 : row.getLastCellNum();
            for (int column = 0; column < Math.max(COLUMNS, lastColumn - tableColumn); column++) {
                String actual = text(tableRow + offset, tableColumn + column);
                String expected = shipped.text(shipped.tableRow + offset, shipped.tableColumn + column);
                if (!actual.equals(expected)) {
                    problems.add(where(tableRow + offset, tableColumn + column)
                            + ": the rule table's code rows must stay as shipped; expected '" + expected + "'");
                }
            }
        }
    }

    private void checkRuleRows(List<String> problems) {
        Set<String> names = new HashSet<>();
        int rules = 0;
        for (int row = tableRow + FIRST_RULE_ROW_OFFSET; !blankRow(row); row++) {
            rules++;
            String name = text(row, tableColumn + NAME);
            if (name.isEmpty()) {
                problems.add(where(row, tableColumn + NAME) + ": every row needs a policy sentence as its name");
            } else if (name.contains("\"") || name.contains("\\") || name.contains("\n")) {
                problems.add(where(row, tableColumn + NAME) + ": a name must not contain quotes, backslashes or line"
                        + " breaks");
            } else if (!names.add(name)) {
                problems.add(where(row, tableColumn + NAME) + ": the name '" + name + "' is used twice");
            }
            optionalValue(row, NPS_CLASS, "NPS class", NpsClass.values(), problems);
            optionalValue(row, TOPIC, "Topic", Topic.values(), problems);
            optionalValue(row, VALUE_SEGMENT, "Value segment", ValueSegment.values(), problems);
            optionalValue(row, TOUCHPOINT, "Touchpoint", Touchpoint.values(), problems);
            requiredValue(row, SEVERITY, "Severity", Severity.values(), problems);
            requiredValue(row, ACTION, "Action", TriageAction.values(), problems);
            String team = text(row, tableColumn + TEAM);
            if (!TEAM_NAME.matcher(team).matches()) {
                problems.add(where(row, tableColumn + TEAM) + ": Team must be a team name in lower case letters,"
                        + " digits and dashes, e.g. customer-care; was '" + team + "'");
            }
            String hours = text(row, tableColumn + SLA_HOURS);
            if (!hours.matches("\\d{1,4}") || Integer.parseInt(hours) > MAX_SLA_HOURS) {
                problems.add(where(row, tableColumn + SLA_HOURS) + ": SLA hours must be a whole number from 0 to "
                        + MAX_SLA_HOURS + "; was '" + hours + "'");
            }
        }
        if (rules == 0) {
            problems.add(sheet.getSheetName() + ": the rule table has no rows");
        }
    }

    private boolean blankRow(int row) {
        for (int column = 0; column < COLUMNS; column++) {
            if (!text(row, tableColumn + column).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void optionalValue(int row, int column, String title, Enum<?>[] values, List<String> problems) {
        String value = text(row, tableColumn + column);
        if (!value.isEmpty()) {
            requiredValue(row, column, title, values, problems);
        }
    }

    private void requiredValue(int row, int column, String title, Enum<?>[] values, List<String> problems) {
        String value = text(row, tableColumn + column);
        if (Arrays.stream(values).noneMatch(v -> v.name().equals(value))) {
            problems.add(where(row, tableColumn + column) + ": " + title + " must be one of "
                    + Arrays.stream(values).map(Enum::name).toList() + "; was '" + value + "'");
        }
    }
}
