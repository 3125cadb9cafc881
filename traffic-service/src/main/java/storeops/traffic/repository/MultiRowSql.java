package storeops.traffic.repository;

import java.util.concurrent.ConcurrentHashMap;

/** Multi-row statements "head VALUES (?,..),(?,..) tail", built once per row count. */
final class MultiRowSql {

    private final String head;
    private final String row;
    private final String tail;
    private final ConcurrentHashMap<Integer, String> bySize = new ConcurrentHashMap<>();

    MultiRowSql(String head, int columns, String tail) {
        this.head = head;
        this.row = "(" + "?,".repeat(columns - 1) + "?)";
        this.tail = tail;
    }

    String rows(int count) {
        return bySize.computeIfAbsent(count, n -> {
            StringBuilder sql = new StringBuilder(head.length() + n * (row.length() + 1) + tail.length() + 16);
            sql.append(head).append(" VALUES ");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : ",").append(row);
            }
            return sql.append(' ').append(tail).toString();
        });
    }
}
