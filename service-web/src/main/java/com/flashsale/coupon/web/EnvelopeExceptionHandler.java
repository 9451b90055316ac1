package com.flashsale.coupon.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns Spring MVC's refusals and unexpected failures into the envelope, the same way in both
 * services. Framework refusals (bad JSON, wrong method, wrong media type, ...) keep their HTTP status
 * and get the code both APIs refuse malformed requests with ({@link ApiError#INVALID_REQUEST}); they
 * are answered before a handler is chosen, so each service's advice covers every controller. Each
 * service adds the refusals of its own domain.
 *
 * <p>Messages come from the request's fields and Spring's problem details, never from an exception's
 * own message: those name Java types, which are nobody's business outside the service.
 */
public abstract class EnvelopeExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EnvelopeExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return ApiResponse.failure(ApiError.INTERNAL_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, inOrder(ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, inOrder(ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> nameOf(result, error) + ": " + error.getDefaultMessage()))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, UnreadableBodies.reason(ex).orElseGet(this::unreadableBody));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return envelope(status, ex.getParameterName() + " is required");
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return envelope(status, ex.getPropertyName() + " has an invalid value '" + ex.getValue() + "'");
    }

    /** Not the invalid request's code: nothing in the request can be corrected to reach an endpoint that is not there. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return envelope(status, headers, ApiError.NO_SUCH_ENDPOINT, ApiError.NO_SUCH_ENDPOINT.message());
    }

    /**
     * The framework's own headers stay with its refusal: {@code Allow} on a 405, {@code Accept} on a
     * 415, as HTTP asks.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String detail = body instanceof ProblemDetail problem ? problem.getDetail()
                : ex instanceof ErrorResponse response ? response.getBody().getDetail() : null;
        return envelope(status, headers, detail != null ? detail : ApiError.INVALID_REQUEST.message());
    }

    /** What a body that is not one JSON object of the API's fields is told; a service may name an example. */
    protected String unreadableBody() {
        return "The body must be one JSON object with the API's fields, each once, with values of their types, "
                + "and nothing after it.";
    }

    /** A field of a request body by its JSON name, any other parameter by its own. */
    private static String nameOf(ParameterValidationResult result, MessageSourceResolvable error) {
        return error instanceof FieldError field ? field.getField() : result.getMethodParameter().getParameterName();
    }

    /** Every reason at once, in one order whatever order the validator found them in. */
    private static String inOrder(Stream<String> reasons) {
        return reasons.sorted().collect(Collectors.joining("; "));
    }

    protected final ResponseEntity<Object> envelope(HttpStatusCode status, String message) {
        return envelope(status, HttpHeaders.EMPTY, message);
    }

    private ResponseEntity<Object> envelope(HttpStatusCode status, HttpHeaders headers, String message) {
        return envelope(status, headers, status.is4xxClientError() ? ApiError.INVALID_REQUEST : ApiError.INTERNAL_ERROR, message);
    }

    private static ResponseEntity<Object> envelope(HttpStatusCode status, HttpHeaders headers, ApiErrorCode code,
            String message) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_JSON)
                .body(ApiResponse.refusal(code, message));
    }
}
