package com.flashsale.coupon.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a query parameter the endpoint does not read, and one given twice, before the handler
 * runs: Spring MVC would ignore the first ({@code ?dryRun=true} on a replay that then replays) and
 * read the first of the second ({@code ?memberId=1&memberId=2}), so the client would believe it
 * asked for something it did not get. The refusal is a {@code 400} in the envelope, like a JSON body
 * with a field the API does not define. A request without a query string or form body costs two checks.
 */
final class DeclaredQueryParameters implements HandlerInterceptor {

    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws ServletRequestBindingException {
        if (!(handler instanceof HandlerMethod method) || (request.getQueryString() == null && !formBody(request))) {
            return true;
        }
        Set<String> reads = declared.computeIfAbsent(method.getMethod(), ignored -> queryParameters(method));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!reads.contains(parameter.getKey())) {
                throw refusal("Unknown query parameter '" + parameter.getKey() + "': this endpoint reads "
                        + (reads.isEmpty() ? "none" : String.join(", ", reads)) + ".");
            }
            if (parameter.getValue().length > 1) {
                throw refusal("Query parameter '" + parameter.getKey() + "' is given " + parameter.getValue().length
                        + " times: give it once.");
            }
        }
        return true;
    }

    /** A form body's fields are request parameters too, which Spring MVC would bind as if in the query. */
    private static boolean formBody(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }

    /** Spring MVC's own 400 for a request its handler cannot bind, with the reason as its detail. */
    private static ServletRequestBindingException refusal(String reason) {
        ServletRequestBindingException refusal = new ServletRequestBindingException(reason);
        refusal.getBody().setDetail(reason);
        return refusal;
    }

    private Set<String> queryParameters(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(this::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String name(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (StringUtils.hasText(annotation.name())) {
            return annotation.name();
        }
        parameter.initParameterNameDiscovery(names);
        return parameter.getParameterName();
    }
}
