package dev.issuecommand.mcp.boundary;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON mapper of the {@code /mcp} transport: the SDK's, except that an {@link McpError}, which the SDK's servlet
 * transport writes as the body of its error answers, becomes a JSON-RPC error response instead of the serialized
 * exception with its stack trace.
 */
record ErrorSafeJsonMapper(McpJsonMapper delegate) implements McpJsonMapper {

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return delegate.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object value, Class<T> type) {
        return delegate.convertValue(value, type);
    }

    @Override
    public <T> T convertValue(Object value, TypeRef<T> type) {
        return delegate.convertValue(value, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return value instanceof McpError error ? new String(errorBody(error), StandardCharsets.UTF_8)
                : delegate.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return value instanceof McpError error ? errorBody(error) : delegate.writeValueAsBytes(value);
    }

    private static byte[] errorBody(McpError error) {
        var rpc = error.getJsonRpcError();
        return rpc == null ? McpAccessFilter.errorBody(McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error")
                : McpAccessFilter.errorBody(rpc.code(), rpc.message());
    }
}
