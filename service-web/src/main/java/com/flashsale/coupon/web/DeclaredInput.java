package com.flashsale.coupon.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Refuses, before the handler runs, input the handler would not read: a query parameter it does not
 * declare or one given twice, and a body where it takes none. Spring MVC would ignore the first
 * ({@code ?dryRun=true}, or a body {@code {"dryRun":true}}, on a reset or a replay that then runs for
 * real) and read the first of the second ({@code ?memberId=1&memberId=2}): the client would believe
 * it asked for something it did not get. The refusal is a {@code 400} in the envelope, like a JSON
 * body with a field the API does not define; a body of another type where one is read is Spring MVC's
 * {@code 415}. A request without a query string costs a map lookup when it has a body, nothing else.
 */
final class DeclaredInput implements HandlerInterceptor {

    /** What one handler reads. */
    private record Reads(Set<String> queryParameters, boolean body) {
    }

    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Reads> declared = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws ServletRequestBindingException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        String query = request.getQueryString();
        boolean body = request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (query == null && !body) {
            return true;
        }
        Reads reads = declared.computeIfAbsent(method.getMethod(), ignored -> reads(method));
        if (body && !reads.body()) {
            throw refusal("This endpoint reads no body: send the request without one.");
        }
        if (query != null) {
            checkQuery(query, reads.queryParameters());
        }
        return true;
    }

    /** From the query string itself: a form body's fields are request parameters too, but not the query. */
    private static void checkQuery(String query, Set<String> reads) throws ServletRequestBindingException {
        MultiValueMap<String, String> parameters = UriComponentsBuilder.newInstance().query(query).build().getQueryParams();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = UriUtils.decode(parameter.getKey(), StandardCharsets.UTF_8);
            if (!reads.contains(name)) {
                throw refusal("Unknown query parameter '" + name + "': this endpoint reads "
                        + (reads.isEmpty() ? "none" : String.join(", ", reads)) + ".");
            }
            if (parameter.getValue().size() > 1) {
                throw refusal("Query parameter '" + name + "' is given " + parameter.getValue().size()
                        + " times: give it once.");
            }
        }
    }

    /** Spring MVC's own 400 for a request its handler cannot bind, with the reason as its detail. */
    private static ServletRequestBindingException refusal(String reason) {
        ServletRequestBindingException refusal = new ServletRequestBindingException(reason);
        refusal.getBody().setDetail(reason);
        return refusal;
    }

    private Reads reads(HandlerMethod method) {
        Set<String> parameters = Arrays.stream(method.getMethodParameters())
                .filter(parameter -> parameter.hasParameterAnnotation(RequestParam.class))
                .map(this::name)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean body = Arrays.stream(method.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
        return new Reads(parameters, body);
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
