package com.flashsale.coupon.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What both APIs read, besides each body's own rules ({@link StrictJsonConfig}):
 * <ul>
 * <li>JSON only. springdoc brings Jackson's YAML module (for its YAML API description, which it
 * writes itself), and Spring MVC registers a YAML converter wherever that module is: a YAML body
 * would then be read by a mapper that knows none of the strict rules ({@code memberId: 1.5} read as
 * member 1, unknown fields ignored). So every converter of another structured format is dropped;
 * those of strings, bytes and resources stay.</li>
 * <li>Only the query parameters an endpoint reads, each once, and a body only where it reads one
 * ({@link DeclaredInput}).</li>
 * </ul>
 * What the answer may be is each controller's {@code produces}: JSON, refused with {@code 406} before
 * the handler runs otherwise, so no change is made that could not be answered.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestRules implements WebMvcConfigurer {

    /** Where both services' APIs live: the member and operator APIs, and the benchmark's constant answer. */
    static final String[] API_PATHS = { "/api/**", "/bench/**" };

    private static final List<MediaType> OTHER_FORMATS = List.of(MediaType.APPLICATION_YAML,
            MediaType.parseMediaType("application/*+yaml"), MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.parseMediaType("application/*+xml"), MediaType.parseMediaType("application/x-jackson-smile"),
            MediaType.APPLICATION_CBOR);

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(ApiRequestRules::readsAnotherFormat));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new DeclaredInput()).addPathPatterns(API_PATHS);
    }

    static boolean readsAnotherFormat(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> OTHER_FORMATS.stream().anyMatch(other -> other.includes(type)));
    }
}
