/** When a sale has settled: {@link com.flashsale.coupon.kit.settle.Settle}, the one definition. */
package com.flashsale.coupon.kit.settle;
