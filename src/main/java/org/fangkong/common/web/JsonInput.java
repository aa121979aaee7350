package org.fangkong.common.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * How JSON bodies are read: enum values in any case ({@code "supermarket"} is {@code SUPERMARKET}),
 * and a value of the wrong type answers a 400 naming the field, with the allowed values for an enum.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

    @Bean
    JsonMapperBuilderCustomizer caseInsensitiveEnumsAndNoNul() {
        SimpleModule noNul = new SimpleModule("fangkong-no-nul").addDeserializer(String.class, new NoNulStrings());
        return builder -> builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).addModule(noNul);
    }

    /**
     * Text with a NUL character is refused as the field's error: PostgreSQL cannot store it, and no
     * name, address or note ever holds one.
     */
    static final class NoNulStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, "NUL", "contains a NUL character");
            }
            return s;
        }
    }

    /**
     * The problem for a JSON value of the wrong type inside {@code e}'s causes, or null when the
     * body is not JSON at all (that stays a plain malformed-request problem).
     */
    static ProblemDetail typeProblem(Throwable e, MessageSource messages, Locale locale) {
        MismatchedInputException m = find(e);
        if (m == null || m.getPath().isEmpty()) {
            return null;
        }
        String field = m.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        Class<?> type = m.getTargetType();
        String message;
        if (type != null && type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            message = messages.getMessage("error.json.enum", new Object[] {allowed}, locale);
        } else if (type != null && (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class))) {
            message = messages.getMessage("error.json.number", null, locale);
        } else if (type != null && Temporal.class.isAssignableFrom(type)) {
            message = messages.getMessage("error.json.date", null, locale);
        } else {
            message = messages.getMessage("error.json.type", null, locale);
        }
        return Problems.fields(HttpStatus.BAD_REQUEST, Problems.VALIDATION, messages.getMessage("error.validation.title", null, locale),
                List.of(Map.of("field", field, "message", message)));
    }

    private static MismatchedInputException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MismatchedInputException m) {
                return m;
            }
        }
        return null;
    }
}
