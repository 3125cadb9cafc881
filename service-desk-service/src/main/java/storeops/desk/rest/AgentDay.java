package storeops.desk.rest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One agent's day. Conversations are those started that day; tickets handled are the distinct
 * tickets changed that day while assigned to the agent; breached ones had their deadline that day
 * and missed it. No buyer data at all: the report is shared with the whole team.
 */
public record AgentDay(String agentId, LocalDate date, long conversations, long receivedBuyers, Double replyRate,
        Double firstResponseSeconds, Double avgResponseSeconds, Double threeMinuteResponseRate, long ticketsHandled,
        long ticketsResolved, long ticketsBreached, Instant firstSignInAt, Instant lastSignOutAt, long workSeconds,
        long breakSeconds) {

    public static final String CSV_HEADER = "agentId,date,conversations,receivedBuyers,replyRate,firstResponseSeconds,"
            + "avgResponseSeconds,threeMinuteResponseRate,ticketsHandled,ticketsResolved,ticketsBreached,"
            + "firstSignInAt,lastSignOutAt,workSeconds,breakSeconds";

    public String csvRow() {
        return String.join(",", csv(agentId), String.valueOf(date), String.valueOf(conversations),
                String.valueOf(receivedBuyers), csv(replyRate), csv(firstResponseSeconds), csv(avgResponseSeconds),
                csv(threeMinuteResponseRate), String.valueOf(ticketsHandled), String.valueOf(ticketsResolved),
                String.valueOf(ticketsBreached), csv(firstSignInAt), csv(lastSignOutAt), String.valueOf(workSeconds),
                String.valueOf(breakSeconds));
    }

    /** RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula. */
    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
