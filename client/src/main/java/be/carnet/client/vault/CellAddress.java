package be.carnet.client.vault;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Where an encrypted value lives: {@code table|row|column}. It is the associated data of the value's
 * AEAD, so a ciphertext copied to another row or column no longer decrypts.
 *
 * @param table the table name
 * @param row the row's key (its integer id, or its name in a key-value table)
 * @param column the column name
 */
public record CellAddress(String table, String row, String column) {

    public CellAddress {
        for (String part : new String[] {table, row, column}) {
            if (part == null || part.isEmpty() || part.indexOf('|') >= 0) {
                throw new IllegalArgumentException("a cell address part must be non-empty and free of '|'");
            }
        }
    }

    public static CellAddress of(String table, long row, String column) {
        return new CellAddress(table, Long.toString(row), column);
    }

    /** The associated data: UTF-8 of {@code table|row|column}. */
    public byte[] associatedData() {
        return (table + "|" + row + "|" + column).getBytes(UTF_8);
    }

    @Override
    public String toString() {
        return table + "|" + row + "|" + column;
    }
}
