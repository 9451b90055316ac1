package com.flashsale.coupon.worker.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list: a stable shape of our own rather than Spring Data's serialised {@code Page}. */
record PageView<T>(
        List<T> items,
        @Schema(description = "0-based", example = "0") int page,
        @Schema(example = "20") int size,
        @Schema(example = "1") long totalItems,
        @Schema(example = "1") int totalPages) {

    /**
     * The highest page a list endpoint takes. The database is asked from row page * size on, an offset
     * JPA takes as an int: with at most 500 rows a page, this many pages stay far below Integer.MAX_VALUE,
     * so a page too far is refused as the client's mistake rather than failing inside the store.
     */
    static final int MAX_PAGE = 1_000_000;

    static <T> PageView<T> of(Page<T> page) {
        return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                page.getTotalPages());
    }
}
