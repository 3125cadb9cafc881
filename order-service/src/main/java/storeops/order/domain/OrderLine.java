package storeops.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import storeops.common.persistence.EpochMillisConverter;

/** A child order (子订单): one product SKU of a parent order, with its quantity. */
@Embeddable
public class OrderLine {

    @Column(name = "line_no", nullable = false)
    public int lineNo;

    @Column(name = "product_id", nullable = false)
    public String productId;

    @Column(name = "sku_id")
    public String skuId;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal price;

    /** What the buyer pays for the line after discounts: the line's share of the goods amount. */
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal payment;

    /** When this line's parcel left (a part shipment ships some lines only). */
    @Convert(converter = EpochMillisConverter.class)
    @Column(name = "shipped_at")
    public Instant shippedAt;

    public OrderLine() {
    }

    public OrderLine(int lineNo, String productId, String skuId, int quantity, BigDecimal price, BigDecimal payment) {
        this.lineNo = lineNo;
        this.productId = productId;
        this.skuId = skuId;
        this.quantity = quantity;
        this.price = price;
        this.payment = payment;
    }
}
