package cn.medins.reimbursement.reference;

import cn.medins.common.lock.HoldsWriterSlot;
import cn.medins.common.money.Money;
import cn.medins.common.problem.ProblemException;
import cn.medins.reimbursement.calculation.Category;
import cn.medins.reimbursement.calculation.SettlementInput.CatalogEntry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue (医保目录): national items, and provincial entries (省级目录) that override an item
 * field by field for care in their province (就医地目录). What settlement reads is cached (cache
 * {@code catalog}): the national entry under the item code, a province's override under
 * {@code code@province}; a write invalidates its key.
 */
@ApplicationScoped
public class CatalogService {

    @Inject
    Clock clock;

    private final CaffeineCache cache;

    CatalogService(@CacheName("catalog") Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    /** A province's override of an item: each null keeps the national entry's. */
    private record Override(Category category, BigDecimal priceLimit, BigDecimal preSelfPayShare) {
    }

    /**
     * The entries of these item codes for care in {@code province} (2 digits), the province's overrides
     * applied; codes not in the national catalogue are absent from the answer.
     */
    public Map<String, CatalogEntry> entries(Collection<String> codes, String province) {
        Map<String, CatalogEntry> national = cached(codes, code -> code, missing ->
                CatalogItem.<CatalogItem>list("itemCode in ?1", missing).stream().collect(Collectors.toMap(
                        c -> c.itemCode, c -> new CatalogEntry(c.category, c.priceLimit, c.preSelfPayShare, null))));
        Map<String, Override> overrides = cached(national.keySet(), code -> code + "@" + province, missing ->
                CatalogRegionEntry.<CatalogRegionEntry>list("key.province = ?1 and key.itemCode in ?2", province,
                                missing.stream().map(k -> k.substring(0, k.indexOf('@'))).toList())
                        .stream().collect(Collectors.toMap(e -> e.key.itemCode() + "@" + province,
                                e -> new Override(e.category, e.priceLimit, e.preSelfPayShare))));
        Map<String, CatalogEntry> effective = new HashMap<>();
        national.forEach((code, entry) -> {
            Override o = overrides.get(code);
            effective.put(code, o == null ? entry : new CatalogEntry(
                    o.category() != null ? o.category() : entry.category(),
                    o.priceLimit() != null ? o.priceLimit() : entry.priceLimit(),
                    o.preSelfPayShare() != null ? o.preSelfPayShare() : entry.preSelfPayShare(),
                    "province " + province + "'s catalogue (就医地目录)"));
        });
        return effective;
    }

    /**
     * Reads each key from the cache, and the keys it lacks in one query ({@code load} answers by key);
     * a key the query does not answer is cached as absent. The answer is by code.
     */
    @SuppressWarnings("unchecked")
    private <T> Map<String, T> cached(Collection<String> codes, Function<String, String> keyOf,
                                      Function<List<String>, Map<String, T>> load) {
        Map<String, T> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            CompletableFuture<Object> known = cache.getIfPresent(keyOf.apply(code));
            if (known == null) {
                missing.add(keyOf.apply(code));
            } else {
                ((Optional<T>) known.join()).ifPresent(value -> found.put(code, value));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, T> loaded = load.apply(missing);
            for (String code : codes) {
                String key = keyOf.apply(code);
                if (missing.contains(key)) {
                    T value = loaded.get(key);
                    cache.put(key, CompletableFuture.completedFuture(Optional.ofNullable(value)));
                    if (value != null) {
                        found.put(code, value);
                    }
                }
            }
        }
        return found;
    }

    @HoldsWriterSlot
    @Transactional
    public CatalogItem putItem(String code, ReferenceData.CatalogBody body) {
        CatalogItem item = CatalogItem.findById(code);
        if (item == null) {
            item = new CatalogItem();
            item.itemCode = code;
        }
        item.name = body.name();
        item.category = body.category();
        item.priceLimit = Money.of(body.priceLimit());
        item.preSelfPayShare = body.preSelfPayShare();
        item.updatedAt = clock.instant();
        item.persist();
        cache.invalidate(code).await().indefinitely();
        return item;
    }

    public CatalogItem item(String code) {
        CatalogItem item = CatalogItem.findById(code);
        if (item == null) {
            throw ProblemException.notFound("CATALOG_ITEM_NOT_FOUND", "No catalog item with code " + code + ".");
        }
        return item;
    }

    /** The item as it applies to care in {@code province}: the national entry with the province's overrides. */
    public ReferenceData.CatalogView effective(String code, String province) {
        CatalogItem item = item(code);
        CatalogRegionEntry entry = CatalogRegionEntry.findById(new CatalogRegionEntry.Key(code, province));
        if (entry == null) {
            return ReferenceData.CatalogView.of(item);
        }
        return new ReferenceData.CatalogView(item.itemCode, item.name,
                entry.category != null ? entry.category : item.category,
                entry.priceLimit != null ? entry.priceLimit : item.priceLimit,
                entry.preSelfPayShare != null ? entry.preSelfPayShare : item.preSelfPayShare, province,
                entry.updatedAt.isAfter(item.updatedAt) ? entry.updatedAt : item.updatedAt);
    }

    @HoldsWriterSlot
    @Transactional
    public CatalogRegionEntry putRegion(String code, String province, ReferenceData.RegionEntryBody body) {
        item(code);
        CatalogRegionEntry.Key key = new CatalogRegionEntry.Key(code, province);
        CatalogRegionEntry entry = CatalogRegionEntry.findById(key);
        if (entry == null) {
            entry = new CatalogRegionEntry();
            entry.key = key;
        }
        entry.category = body.category();
        entry.priceLimit = body.priceLimit() == null ? null : Money.of(body.priceLimit());
        entry.preSelfPayShare = body.preSelfPayShare();
        entry.updatedAt = clock.instant();
        entry.persist();
        cache.invalidate(code + "@" + province).await().indefinitely();
        return entry;
    }

    public CatalogRegionEntry region(String code, String province) {
        CatalogRegionEntry entry = CatalogRegionEntry.findById(new CatalogRegionEntry.Key(code, province));
        if (entry == null) {
            throw ProblemException.notFound("CATALOG_REGION_ENTRY_NOT_FOUND", "Province " + province
                    + " has no entry of its own for item " + code + ".");
        }
        return entry;
    }

    @HoldsWriterSlot
    @Transactional
    public void deleteRegion(String code, String province) {
        region(code, province).delete();
        cache.invalidate(code + "@" + province).await().indefinitely();
    }
}
