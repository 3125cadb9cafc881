package storeops.order.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import storeops.common.persistence.EpochMillisConverter;
import storeops.common.problem.IllegalTransitionException;
import storeops.common.problem.ProblemException;

/**
 * A parent order (父订单): one checkout of one buyer in one shop. Each business event is one
 * method that refuses a state it does not allow and records a status-history row.
 */
@Entity
@Table(name = "orders")
@IdClass(Order.Key.class)
public class Order {

    /** The seller's receipt extensions the platform offers (rules.md). */
    public static final Set<Integer> SELLER_EXTENSION_DAYS = Set.of(3, 5, 7, 10);
    public static final int BUYER_EXTENSION_DAYS = 3;

    @Id
    @Column(name = "shop_id")
    public String shopId;

    @Id
    @Column(name = "order_no")
    public String orderNo;

    @Column(name = "buyer_id", nullable = false)
    public String buyerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Terminal terminal;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the order counts as paid: the balance of a presale, the signing of a COD order. */
    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "paid_at")
    public Instant paidAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "deposit_paid_at")
    public Instant depositPaidAt;

    /** When the last line left: the receipt clock starts then. */
    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "finished_at")
    public Instant finishedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "closed_at")
    public Instant closedAt;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "modified_at", nullable = false)
    public Instant modifiedAt;

    public boolean presale;
    public boolean cod;

    @Column(name = "free_shipping")
    public boolean freeShipping;

    @Column(precision = 14, scale = 2, nullable = false)
    public BigDecimal freight = BigDecimal.ZERO;

    /** The sum of the lines' payment: every amount metric uses it; freight is not part of it. */
    @Column(name = "goods_amount", precision = 14, scale = 2, nullable = false)
    public BigDecimal goodsAmount = BigDecimal.ZERO;

    @Column(name = "shipping_promise_hours")
    public Integer shippingPromiseHours;

    /** Item quantity over the lines, kept for the metrics' single scan. */
    @Column(name = "item_count", nullable = false)
    public int itemCount;

    /** Child orders (lines), kept for the metrics' single scan. */
    @Column(name = "line_count", nullable = false)
    public int lineCount;

    /** A shorter unpaid window than the shop's, e.g. 30 minutes for a flash sale (聚划算). */
    @Column(name = "pay_timeout_minutes")
    public Integer payTimeoutMinutes;

    /** Stored so that the unpaid-close job finds due orders by index. */
    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "pay_deadline")
    public Instant payDeadline;

    /** Shipment + the receipt window + every extension: the completion job finds due orders by index. */
    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "receipt_deadline")
    public Instant receiptDeadline;

    @Column(name = "receipt_extension_days", nullable = false)
    public int receiptExtensionDays;

    @Column(name = "buyer_extended", nullable = false)
    public boolean buyerExtended;

    @Column(name = "receiver_name")
    public String receiverName;

    @Column(name = "receiver_phone")
    public String receiverPhone;

    @Column(name = "receiver_address")
    public String receiverAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "memo_flag")
    public MemoFlag memoFlag;

    @Column(name = "memo_note")
    public String memoNote;

    @Column(name = "memo_by")
    public String memoBy;

    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "memo_at")
    public Instant memoAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_lines", joinColumns = {
            @JoinColumn(name = "shop_id", referencedColumnName = "shop_id"),
            @JoinColumn(name = "order_no", referencedColumnName = "order_no")})
    @OrderBy("lineNo")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
    @OrderBy("id")
    public List<OrderStatusChange> history = new ArrayList<>();

    /**
     * What the per-day figures were last told about this order: its state as loaded, or as last
     * marked; null for an order not stored yet. A write compares it with {@link #figureFacts()}.
     */
    @Transient
    public FigureFacts markedFacts;

    /** Set when the lines were replaced (an ERP update): products may have changed with them. */
    @Transient
    public boolean linesReplaced;

    /**
     * The fields the per-day figures depend on, lines aside (see {@link #linesReplaced}); the
     * closure and the shipping promise for the late-shipment figures of the payment day.
     */
    public record FigureFacts(String buyerId, Terminal terminal, Instant createdAt, Instant paidAt, Instant shippedAt,
            BigDecimal goodsAmount, int itemCount, int lineCount, boolean closed, Instant closedAt,
            Integer shippingPromiseHours) {
    }

    public FigureFacts figureFacts() {
        return new FigureFacts(buyerId, terminal, createdAt, paidAt, shippedAt,
                goodsAmount == null ? null : goodsAmount.stripTrailingZeros(), itemCount, lineCount,
                status == OrderStatus.TRADE_CLOSED || status == OrderStatus.TRADE_CLOSED_BY_TAOBAO, closedAt,
                shippingPromiseHours);
    }

    @PostLoad
    void loaded() {
        markedFacts = figureFacts();
        linesReplaced = false;
    }

    // ---- creation and ERP sync ----

    /** The order as first seen (拍下 on the platform, or pushed by an ERP in any later state). */
    public static Order place(String shopId, String orderNo, OrderSnapshot snapshot, TradeWindows windows, Actor actor) {
        checkConsistent(snapshot);
        Order order = new Order();
        order.shopId = shopId;
        order.orderNo = orderNo;
        order.apply(snapshot, windows);
        order.record(null, snapshot.status(), "place", actor, null, snapshot.createdAt());
        return order;
    }

    /** An ERP update: it may skip states the ERP never saw, but never go back in the lifecycle. */
    public void syncFrom(OrderSnapshot snapshot, TradeWindows windows) {
        checkConsistent(snapshot);
        if (!status.canReach(snapshot.status())) {
            throw refusal("sync to " + snapshot.status());
        }
        OrderStatus before = status;
        apply(snapshot, windows);
        if (before != status) {
            record(before, status, "sync", Actor.ERP_SYNC, null, snapshot.modifiedAt());
        }
    }

    /** Whether the stored order already says exactly what the snapshot says (a replay). */
    public boolean matches(OrderSnapshot s) {
        return Objects.equals(modifiedAt, s.modifiedAt()) && status == s.status() && Objects.equals(buyerId, s.buyerId())
                && terminal == s.terminal() && Objects.equals(createdAt, s.createdAt())
                && Objects.equals(paidAt, s.paidAt()) && Objects.equals(depositPaidAt, s.depositPaidAt())
                && Objects.equals(shippedAt, s.shippedAt()) && Objects.equals(finishedAt, s.finishedAt())
                && Objects.equals(closedAt, s.closedAt()) && presale == s.presale() && cod == s.cod()
                && freeShipping == s.freeShipping() && sameMoney(freight, s.freight())
                && Objects.equals(shippingPromiseHours, s.shippingPromiseHours())
                && Objects.equals(payTimeoutMinutes, s.payTimeoutMinutes())
                && Objects.equals(receiverName, s.receiverName()) && Objects.equals(receiverPhone, s.receiverPhone())
                && Objects.equals(receiverAddress, s.receiverAddress()) && sameLines(s.lines());
    }

    private boolean sameLines(List<OrderSnapshot.Line> other) {
        if (other.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            OrderLine a = lines.get(i);
            OrderSnapshot.Line b = other.get(i);
            if (a.lineNo != b.lineNo() || !a.productId.equals(b.productId()) || !Objects.equals(a.skuId, b.skuId())
                    || a.quantity != b.quantity() || !sameMoney(a.price, b.price())
                    || !sameMoney(a.payment, b.payment())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameMoney(BigDecimal a, BigDecimal b) {
        return (a == null ? BigDecimal.ZERO : a).compareTo(b == null ? BigDecimal.ZERO : b) == 0;
    }

    /** A snapshot whose times contradict its status is refused before it changes anything. */
    static void checkConsistent(OrderSnapshot s) {
        boolean paidState = switch (s.status()) {
            case WAIT_SELLER_SEND_GOODS, SELLER_CONSIGNED_PART, WAIT_BUYER_CONFIRM_GOODS, TRADE_FINISHED,
                    TRADE_CLOSED -> !s.cod();
            case TRADE_BUYER_SIGNED -> true;
            default -> false;
        };
        if (paidState && s.paidAt() == null) {
            throw ProblemException.invalidField("paidAt", "is required in status " + s.status());
        }
        if (s.status() == OrderStatus.WAIT_BUYER_PAY && s.paidAt() != null) {
            throw ProblemException.invalidField("paidAt", "must be empty in status WAIT_BUYER_PAY");
        }
        if (s.status() == OrderStatus.PAID_FORBID_CONSIGN && (!s.presale() || s.depositPaidAt() == null)) {
            throw ProblemException.invalidField("depositPaidAt",
                    "PAID_FORBID_CONSIGN is a presale whose deposit is paid: presale and depositPaidAt are required");
        }
        if (s.paidAt() != null && s.paidAt().isBefore(s.createdAt())) {
            throw ProblemException.invalidField("paidAt", "is before createdAt");
        }
        if (s.cod() && s.presale()) {
            throw ProblemException.invalidField("cod", "a presale cannot be paid on delivery");
        }
        Set<Integer> lineNos = new java.util.HashSet<>();
        for (OrderSnapshot.Line l : s.lines()) {
            if (!lineNos.add(l.lineNo())) {
                throw ProblemException.invalidField("lines", "line " + l.lineNo() + " appears twice");
            }
        }
    }

    private void apply(OrderSnapshot s, TradeWindows windows) {
        buyerId = s.buyerId();
        terminal = s.terminal();
        status = s.status();
        createdAt = s.createdAt();
        paidAt = s.paidAt();
        depositPaidAt = s.depositPaidAt();
        shippedAt = s.shippedAt();
        finishedAt = s.finishedAt();
        closedAt = s.closedAt();
        presale = s.presale();
        cod = s.cod();
        freeShipping = s.freeShipping();
        freight = money(s.freight() == null ? BigDecimal.ZERO : s.freight());
        shippingPromiseHours = s.shippingPromiseHours();
        payTimeoutMinutes = s.payTimeoutMinutes();
        receiverName = s.receiverName();
        receiverPhone = s.receiverPhone();
        receiverAddress = s.receiverAddress();
        modifiedAt = s.modifiedAt();
        replaceLines(s.lines().stream()
                .map(l -> new OrderLine(l.lineNo(), l.productId(), l.skuId(), l.quantity(), money(l.price()),
                        money(l.payment())))
                .toList());
        if (shippedAt != null) {
            lines.forEach(l -> l.shippedAt = shippedAt);
        }
        payDeadline = createdAt.plus(payTimeoutMinutes != null ? Duration.ofMinutes(payTimeoutMinutes) : windows.payWindow());
        receiptDeadline = shippedAt == null ? null : receiptDeadlineFrom(shippedAt, windows);
    }

    public void replaceLines(List<OrderLine> newLines) {
        linesReplaced = true;
        lines.clear();
        lines.addAll(newLines);
        goodsAmount = money(newLines.stream().map(l -> l.payment).reduce(BigDecimal.ZERO, BigDecimal::add));
        itemCount = newLines.stream().mapToInt(l -> l.quantity).sum();
        lineCount = newLines.size();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private Instant receiptDeadlineFrom(Instant shipped, TradeWindows windows) {
        return shipped.plus(windows.receiptWindow()).plus(Duration.ofDays(receiptExtensionDays));
    }

    // ---- payment ----

    /** A presale's deposit (定金): not a payment; the order must not ship until the balance is paid. */
    public void payDeposit(Instant at, Actor actor) {
        require("pay-deposit", status == OrderStatus.WAIT_BUYER_PAY && presale);
        depositPaidAt = at;
        transition(OrderStatus.PAID_FORBID_CONSIGN, "pay-deposit", actor, null, at);
    }

    /** The payment, or a presale's balance: the order counts as paid at this instant. */
    public void pay(Instant at, Actor actor) {
        require("pay", (status == OrderStatus.WAIT_BUYER_PAY && !presale && !cod)
                || status == OrderStatus.PAID_FORBID_CONSIGN);
        paidAt = at;
        transition(OrderStatus.WAIT_SELLER_SEND_GOODS, "pay", actor, null, at);
    }

    /** A cash-on-delivery order confirmed with the buyer may ship; it is paid only when signed for. */
    public void confirmCod(Instant at, Actor actor) {
        require("confirm-cod", status == OrderStatus.WAIT_BUYER_PAY && cod);
        transition(OrderStatus.WAIT_SELLER_SEND_GOODS, "confirm-cod", actor, null, at);
    }

    // ---- closing before payment ----

    /** The seller closes an unpaid order. */
    public void close(Instant at, Actor actor, String reason) {
        closeUnpaid("close", at, actor, reason);
    }

    /** The buyer cancels an unpaid order. */
    public void cancel(Instant at, Actor actor, String reason) {
        closeUnpaid("cancel", at, actor, reason);
    }

    /**
     * The unpaid window ran out. The order closes at its deadline, not at the time the job runs,
     * so that a job catching up after downtime writes the same history.
     */
    public void closeOnPayTimeout(Instant now) {
        require("pay-timeout", status == OrderStatus.WAIT_BUYER_PAY && payDeadline != null && !now.isBefore(payDeadline));
        closeUnpaid("pay-timeout", payDeadline, Actor.SCHEDULER, "unpaid after the payment window");
    }

    private void closeUnpaid(String event, Instant at, Actor actor, String reason) {
        require(event, status == OrderStatus.WAIT_BUYER_PAY);
        closedAt = at;
        transition(OrderStatus.TRADE_CLOSED_BY_TAOBAO, event, actor, reason, at);
    }

    /** Every line refunded in full before anything shipped (called by the refund lifecycle). */
    public void closeByFullRefund(Instant at, Actor actor, String reason) {
        require("close-by-full-refund", status.isPaidNotShipped());
        closedAt = at;
        transition(OrderStatus.TRADE_CLOSED, "close-by-full-refund", actor, reason, at);
    }

    // ---- shipment ----

    /** Ships every line not shipped yet. */
    public void ship(Instant at, Actor actor, TradeWindows windows) {
        require("ship", status == OrderStatus.WAIT_SELLER_SEND_GOODS || status == OrderStatus.SELLER_CONSIGNED_PART);
        lines.stream().filter(l -> l.shippedAt == null).forEach(l -> l.shippedAt = at);
        shipped(at, "ship", actor, windows);
    }

    /** Ships some lines; the order is shipped when its last line is. */
    public void shipPart(Collection<Integer> lineNos, Instant at, Actor actor, TradeWindows windows) {
        require("ship-part", status == OrderStatus.WAIT_SELLER_SEND_GOODS || status == OrderStatus.SELLER_CONSIGNED_PART);
        if (lineNos == null || lineNos.isEmpty()) {
            throw ProblemException.invalidField("lineNos", "name at least one line to ship");
        }
        for (Integer no : lineNos) {
            OrderLine line = lines.stream().filter(l -> l.lineNo == no).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("lineNos", "order " + orderNo + " has no line " + no));
            if (line.shippedAt != null) {
                throw new IllegalTransitionException("Line " + no + " of order " + orderNo, "shipped", "ship-part");
            }
        }
        lines.stream().filter(l -> lineNos.contains(l.lineNo)).forEach(l -> l.shippedAt = at);
        if (lines.stream().allMatch(l -> l.shippedAt != null)) {
            shipped(at, "ship-part", actor, windows);
        } else {
            transition(OrderStatus.SELLER_CONSIGNED_PART, "ship-part", actor, "lines " + lineNos, at);
        }
    }

    private void shipped(Instant at, String event, Actor actor, TradeWindows windows) {
        shippedAt = at;
        receiptDeadline = receiptDeadlineFrom(at, windows);
        transition(OrderStatus.WAIT_BUYER_CONFIRM_GOODS, event, actor, null, at);
    }

    // ---- receipt ----

    public void confirmReceipt(Instant at, Actor actor) {
        require("confirm", status == OrderStatus.WAIT_BUYER_CONFIRM_GOODS && !cod
                || status == OrderStatus.TRADE_BUYER_SIGNED);
        finishedAt = at;
        transition(OrderStatus.TRADE_FINISHED, "confirm", actor, null, at);
    }

    /** The receipt window ran out: completes at the deadline (see {@link #closeOnPayTimeout}). */
    public void completeOnReceiptTimeout(Instant now) {
        require("receipt-timeout", status == OrderStatus.WAIT_BUYER_CONFIRM_GOODS && !cod && receiptDeadline != null
                && !now.isBefore(receiptDeadline));
        finishedAt = receiptDeadline;
        transition(OrderStatus.TRADE_FINISHED, "receipt-timeout", Actor.SCHEDULER, "receipt window ended",
                receiptDeadline);
    }

    /**
     * The buyer may extend once, by 3 days, when at most 3 days remain; the seller by 3, 5, 7 or 10
     * days. Not a status change, but recorded in the history all the same.
     */
    public void extendReceipt(Actor by, int days, Instant at) {
        require("extend-receipt", status == OrderStatus.WAIT_BUYER_CONFIRM_GOODS && receiptDeadline != null
                && at.isBefore(receiptDeadline));
        if (by == Actor.BUYER) {
            if (days != BUYER_EXTENSION_DAYS) {
                throw ProblemException.invalidField("days", "a buyer extends by " + BUYER_EXTENSION_DAYS + " days");
            }
            if (buyerExtended) {
                throw new IllegalTransitionException("Order " + orderNo, status + " (already extended by the buyer)",
                        "extend-receipt");
            }
            if (Duration.between(at, receiptDeadline).compareTo(Duration.ofDays(BUYER_EXTENSION_DAYS)) > 0) {
                throw new IllegalTransitionException("Order " + orderNo,
                        status + " (more than " + BUYER_EXTENSION_DAYS + " days remain)", "extend-receipt");
            }
            buyerExtended = true;
        } else if (by == Actor.SELLER) {
            if (!SELLER_EXTENSION_DAYS.contains(days)) {
                throw ProblemException.invalidField("days", "a seller extends by 3, 5, 7 or 10 days");
            }
        } else {
            throw ProblemException.invalidField("by", "only the BUYER or the SELLER extends the receipt");
        }
        receiptExtensionDays += days;
        receiptDeadline = receiptDeadline.plus(Duration.ofDays(days));
        touch(at);
        record(status, status, "extend-receipt", by, "+" + days + " days, until " + receiptDeadline, at);
    }

    /** A cash-on-delivery buyer signs for the parcel and pays the courier: paid at this instant. */
    public void signForCod(Instant at, Actor actor) {
        require("sign", status == OrderStatus.WAIT_BUYER_CONFIRM_GOODS && cod);
        paidAt = at;
        transition(OrderStatus.TRADE_BUYER_SIGNED, "sign", actor, null, at);
    }

    // ---- buyer data and seller memo ----

    /**
     * Only the order's own buyer may change its address, and only before shipment. A request for
     * another buyer learns nothing about the order (rules.md: never reveal another person's details).
     */
    public void changeAddress(String requestingBuyerId, String name, String phone, String address, Instant at) {
        if (requestingBuyerId == null || !requestingBuyerId.equals(buyerId)) {
            throw new ProblemException(403, "Forbidden", "Only the order's own buyer may change its address");
        }
        require("change-address", status.isBeforeShipment());
        receiverName = name;
        receiverPhone = phone;
        receiverAddress = address;
        touch(at);
        record(status, status, "change-address", Actor.BUYER, null, at);
    }

    public void markMemo(MemoFlag flag, String note, String by, Instant at) {
        memoFlag = flag;
        memoNote = note;
        memoBy = by;
        memoAt = at;
        touch(at);
    }

    // ---- machinery ----

    private void require(String event, boolean allowed) {
        if (!allowed) {
            throw refusal(event);
        }
    }

    private IllegalTransitionException refusal(String event) {
        return new IllegalTransitionException("Order " + orderNo, status, event);
    }

    private void transition(OrderStatus to, String event, Actor actor, String reason, Instant at) {
        OrderStatus from = status;
        status = to;
        touch(at);
        record(from, to, event, actor, reason, at);
    }

    /** A local event is news to an ERP pulling increments, and an older ERP update must not undo it. */
    private void touch(Instant at) {
        if (modifiedAt == null || at.isAfter(modifiedAt)) {
            modifiedAt = at;
        }
    }

    private void record(OrderStatus from, OrderStatus to, String event, Actor actor, String reason, Instant at) {
        history.add(new OrderStatusChange(this, from, to, event, actor, reason, at));
    }

    public static class Key implements Serializable {
        public String shopId;
        public String orderNo;

        public Key() {
        }

        public Key(String shopId, String orderNo) {
            this.shopId = shopId;
            this.orderNo = orderNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(shopId, k.shopId) && Objects.equals(orderNo, k.orderNo);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shopId, orderNo);
        }
    }
}
