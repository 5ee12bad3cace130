package org.tirelire.kit.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CSV exports as the organisations' accountants open them: French Excel reads a file as columns only with
 * a BOM and {@code ;} separators, and amounts with a decimal comma. Cells that a spreadsheet would run as a
 * formula are defused with a leading quote.
 */
public final class FrenchCsv {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FrenchCsv() {}

    public static byte[] write(List<String> header, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(UTF8_BOM);
        out.writeBytes(line(header));
        rows.forEach(row -> out.writeBytes(line(row)));
        return out.toByteArray();
    }

    /** 123456 minor units as "1234,56". */
    public static String decimal(long minorUnits) {
        String sign = minorUnits < 0 ? "-" : "";
        long abs = Math.abs(minorUnits);
        return sign + (abs / 100) + "," + String.format("%02d", abs % 100);
    }

    public static String cell(String value) {
        String safe = Stream.of("=", "+", "-", "@", "\t", "\r").anyMatch(value::startsWith) ? "'" + value : value;
        boolean needsQuotes = safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return needsQuotes ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static byte[] line(List<String> cells) {
        return (cells.stream().map(FrenchCsv::cell).collect(Collectors.joining(";")) + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
