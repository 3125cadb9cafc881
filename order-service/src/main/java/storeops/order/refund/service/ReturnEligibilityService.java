package storeops.order.refund.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import storeops.common.problem.ProblemException;
import storeops.order.refund.domain.GoodsCondition;
import storeops.order.refund.domain.ReturnEligibility;
import storeops.order.repository.OrderRepository;

@ApplicationScoped
public class ReturnEligibilityService {

    private final OrderRepository orders;
    private final ReturnPolicy policy;

    public ReturnEligibilityService(OrderRepository orders, ReturnPolicy policy) {
        this.orders = orders;
        this.policy = policy;
    }

    public ReturnEligibility evaluate(String shopId, String orderNo, Instant at, GoodsCondition condition) {
        return orders.find(shopId, orderNo).map(o -> policy.evaluate(o, at, condition))
                .orElseThrow(() -> ProblemException.notFound("No order " + orderNo + " in shop " + shopId));
    }
}
