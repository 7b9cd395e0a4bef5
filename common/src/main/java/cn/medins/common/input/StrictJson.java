package cn.medins.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * JSON bodies are read strictly, the same in every service, so that a malformed input is a 400
 * naming the field instead of a guess or a 500: a key given twice in one object, a number where
 * text or a yes/no is meant ({@code "designated": -1}), a fraction where a whole number is meant
 * ({@code 26.9} for an id), text holding a NUL character (PostgreSQL cannot store it), a date or a
 * month given other than as its ISO text ({@code "date": -1} would otherwise be read as a day count)
 * and a field the request does not have ({@code quarkus.jackson.fail-on-unknown-properties}) are all
 * refused. Nesting, text length and the length of a list with a {@code @Size(max)} are bounded while
 * the body is read ({@link BoundedLists}), so that no body becomes more objects than its operation takes.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** How deep a body may nest objects and lists: far deeper than any request (a policy document nests a few levels). */
    public static final int MAX_DEPTH = 32;
    /** The longest text value a body may hold, in characters. */
    public static final int MAX_TEXT = 1_000_000;

    /** After Quarkus's own customizers, so that these date readers replace the Java time module's. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // bounds before objects: no request of the suite nests deeper than a few levels or holds a text
        // of a million characters, and a list with a @Size(max) is refused at its first item too many
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_TEXT).build());
        mapper.registerModule(new SimpleModule("bounded-lists").setDeserializerModifier(new BoundedLists()));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // an enum only by its name: 2 for personType would silently be the third constant (FLEXIBLE)
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        // a number where any value may come (a policy variant's "set") keeps its decimals exactly
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("strict-text").addDeserializer(String.class, new NoNul())
                .addDeserializer(LocalDate.class, new IsoText<>(LocalDate.class, LocalDate::parse))
                .addDeserializer(YearMonth.class, new IsoText<>(YearMonth.class, YearMonth::parse)));
    }

    /** A date or a month only as its ISO text ({@code 2026-12-01}, {@code 2026-12}): no numbers, no arrays. */
    static final class IsoText<T> extends StdScalarDeserializer<T> {

        private final transient Function<String, T> parse;

        IsoText(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText().strip();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not an ISO date or month");
            }
        }
    }

    /** Text as Jackson reads it, refusing the NUL character. */
    static final class NoNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            if (text != null && text.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, text,
                        "must not contain the NUL character (\\u0000)");
            }
            return text;
        }
    }
}
