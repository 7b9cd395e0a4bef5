package cn.medins.common.openapi;

import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names each operation after its Java method, whose annotations then say which roles may call it and
 * how large a body it reads. SmallRye names the
 * operations {@code package.Class_method} (quarkus.smallrye-openapi.operation-id-strategy), which lets
 * the document's filter find the method and its {@code @RolesAllowed}; the name published is the
 * method's alone ({@code settle}, {@code enroll}), so that a generated client reads like the service.
 * Two operations of one service with the same method name fail the build: a client would have two
 * methods of the same name.
 */
final class OperationRoles {

    /** The extension that lists an operation's roles (OpenAPI 3.0 allows no scopes for a bearer scheme). */
    static final String ROLES = "x-roles";

    private final Map<String, String> named = new HashMap<>();

    /** @return the operation's Java method, empty when it is not found */
    Optional<Method> rename(Operation operation) {
        String id = operation.getOperationId();
        int separator = id == null ? -1 : id.lastIndexOf('_');
        if (separator < 0) {
            return Optional.empty(); // already named (a filter run again at start), or not ours
        }
        Optional<Method> method = method(id.substring(0, separator), id.substring(separator + 1));
        if (method.isEmpty()) {
            return Optional.empty();
        }
        String name = method.get().getName();
        String earlier = named.putIfAbsent(name, id);
        if (earlier != null) {
            throw new IllegalStateException("two operations named " + name + " (" + earlier + ", " + id
                    + "): rename one of the resource methods, their names are the published operation ids");
        }
        operation.setOperationId(name);
        return method;
    }

    private static Optional<Method> method(String className, String methodName) {
        try {
            Class<?> type = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(methodName)).findFirst();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    static List<String> roles(Method method) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return allowed == null ? List.of() : List.of(allowed.value());
    }
}
