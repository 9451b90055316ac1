package com.flashsale.coupon.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SaleRequestsTest {

    @Test
    void everyMemberAsksTheSameNumberOfTimesInTheSameShuffledOrderEveryRun() {
        long[] requests = SystemRows.saleRequests(1000, 2000);

        Map<Long, Long> perMember = Arrays.stream(requests).boxed()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perMember).hasSize(1000).allSatisfy((member, times) -> assertThat(times).isEqualTo(2));
        assertThat(perMember.keySet()).allSatisfy(member -> assertThat(member).isBetween(BenchMembers.FIRST,
                BenchMembers.FIRST + 999));
        assertThat(requests).isEqualTo(SystemRows.saleRequests(1000, 2000));
        assertThat(requests).isNotEqualTo(Arrays.stream(requests).sorted().toArray());
    }
}
