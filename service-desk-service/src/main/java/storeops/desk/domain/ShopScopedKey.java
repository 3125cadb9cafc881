package storeops.desk.domain;

import java.io.Serializable;
import java.util.Objects;

/** The key of every aggregate here: its id is unique within one shop only. */
public class ShopScopedKey implements Serializable {
    public String shopId;
    public String id;

    public ShopScopedKey() {
    }

    public ShopScopedKey(String shopId, String id) {
        this.shopId = shopId;
        this.id = id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShopScopedKey k && Objects.equals(shopId, k.shopId) && Objects.equals(id, k.id);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shopId, id);
    }
}
