package storeops.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

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
}
