package storeops.desk.rest;

import java.util.List;
import java.util.Map;
import storeops.desk.domain.FirstChat;

/** The answers of the desk's read endpoints, with the JSON names of docs/service-contracts.md. */
public final class DeskReads {

    private DeskReads() {
    }

    public record Metrics(Map<String, Object> metrics) {
    }

    public record Daily(List<DayMetrics> days) {
    }

    public record FirstChats(List<FirstChat> firstChats) {
    }

    public record ConsultedBuyers(List<String> buyerIds) {
    }

    public record Agent(String agentId, long conversations, long receivedBuyers, Double replyRate,
            Double firstResponseSeconds, Double avgResponseSeconds, Double threeMinuteResponseRate) {
    }

    public record Agents(List<Agent> agents) {
    }
}
