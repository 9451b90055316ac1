package com.flashsale.coupon.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a refusal in the API envelope where no controller runs: request filters and the security
 * chain answer before Spring MVC, and their answers must look like every other one.
 */
public class ApiErrorWriter {

    private final JsonMapper json;

    ApiErrorWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiErrorCode code, String message) throws IOException {
        write(response, code.status(), code, message);
    }

    /** Under a status of its own, as Spring MVC's refusals keep theirs. */
    public void write(HttpServletResponse response, HttpStatusCode status, ApiErrorCode code, String message)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiResponse.refusal(code, message));
    }
}
