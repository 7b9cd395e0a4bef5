package cn.medins.common.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list field with a {@code @Size(max = n)} is refused while it is read, at its (n+1)th item, instead of
 * being read whole and then refused by validation: a batch of 40,000 fee lines where 1,000 are allowed
 * never becomes 40,000 objects. The refusal names the field, as validation would.
 */
final class BoundedLists extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
                                                            BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
        return List.class.isAssignableFrom(type.getRawClass()) ? new Bounded(type, deserializer, Integer.MAX_VALUE, null)
                : deserializer;
    }

    /** Jackson's own list reader, unless the property bounds its size: then this one, which counts. */
    static final class Bounded extends StdDeserializer<Object> implements ContextualDeserializer {

        private final transient JavaType type;
        private final transient JsonDeserializer<?> plain;
        private final int max;
        private final transient JsonDeserializer<Object> items;

        Bounded(JavaType type, JsonDeserializer<?> plain, int max, JsonDeserializer<Object> items) {
            super(type);
            this.type = type;
            this.plain = plain;
            this.max = max;
            this.items = items;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = plain instanceof ContextualDeserializer c ? c.createContextual(ctxt, property)
                    : plain;
            Size size = property == null ? null : property.getAnnotation(Size.class);
            if (size == null || size.max() == Integer.MAX_VALUE) {
                return contextual;
            }
            return new Bounded(type, contextual, size.max(),
                    ctxt.findContextualValueDeserializer(type.getContentType(), property));
        }

        /** As cachable as the list reader it stands for, so that Jackson keeps it instead of building it per read. */
        @Override
        public boolean isCachable() {
            return plain.isCachable();
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (items == null || !p.isExpectedStartArrayToken()) {
                return plain.deserialize(p, ctxt);
            }
            List<Object> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (out.size() == max) {
                    throw JsonMappingException.from(p, "has more than " + max + " items (at most " + max + ")");
                }
                try {
                    out.add(t == JsonToken.VALUE_NULL ? null : items.deserialize(p, ctxt));
                } catch (IOException | RuntimeException e) {
                    throw JsonMappingException.wrapWithPath(e, out, out.size());
                }
            }
            return out;
        }
    }
}
