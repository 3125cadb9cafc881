package storeops.order.reconciliation.domain;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import storeops.order.domain.OrderStatus;

/**
 * The 订单状态 column of the platform's export: Chinese labels or Taobao's codes. The export says
 * 交易关闭 for a trade closed before and after payment alike, so that label accepts both closures.
 */
public final class PlatformStatus {

    private static final Map<String, Set<OrderStatus>> LABELS = new HashMap<>();

    static {
        for (OrderStatus s : OrderStatus.values()) {
            LABELS.put(s.name(), EnumSet.of(s));
        }
        label(EnumSet.of(OrderStatus.WAIT_BUYER_PAY), "等待买家付款");
        label(EnumSet.of(OrderStatus.WAIT_SELLER_SEND_GOODS), "买家已付款，等待卖家发货", "买家已付款,等待卖家发货",
                "买家已付款", "等待卖家发货");
        label(EnumSet.of(OrderStatus.WAIT_BUYER_CONFIRM_GOODS), "卖家已发货，等待买家确认", "卖家已发货,等待买家确认",
                "卖家已发货", "等待买家确认收货");
        label(EnumSet.of(OrderStatus.TRADE_FINISHED), "交易成功");
        label(EnumSet.of(OrderStatus.TRADE_CLOSED, OrderStatus.TRADE_CLOSED_BY_TAOBAO), "交易关闭");
        label(EnumSet.of(OrderStatus.TRADE_CLOSED_BY_TAOBAO), "交易自动关闭", "付款以前，卖家或买家主动关闭交易");
        label(EnumSet.of(OrderStatus.PAID_FORBID_CONSIGN), "已付定金", "定金已付，等待尾款", "等待买家付尾款");
        label(EnumSet.of(OrderStatus.SELLER_CONSIGNED_PART), "卖家部分发货", "部分发货");
        label(EnumSet.of(OrderStatus.TRADE_BUYER_SIGNED), "买家已签收", "货到付款买家已签收", "已签收");
    }

    private PlatformStatus() {
    }

    private static void label(Set<OrderStatus> statuses, String... labels) {
        for (String l : labels) {
            LABELS.put(l, statuses);
        }
    }

    /** The statuses of ours that the export's value agrees with; empty for a value nobody knows. */
    public static Optional<Set<OrderStatus>> parse(String value) {
        return Optional.ofNullable(LABELS.get(value.strip()));
    }
}
