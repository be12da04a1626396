package dev.issuecommand.launcher.front;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** JSON-RPC 2.0 messages the front writes itself (answers to requests it serves, and errors). */
final class JsonRpc {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    /** Implementation-defined server error: the IssueCommand server could not be reached or went away. */
    static final int SERVER_UNAVAILABLE = -32001;

    private JsonRpc() {
    }

    static String result(JsonValue id, JsonValue result) {
        return base(id).add("result", result).build().toString();
    }

    static String error(JsonValue id, int code, String message) {
        return base(id).add("error", Json.createObjectBuilder().add("code", code).add("message", message)).build()
                .toString();
    }

    static JsonObject request(Object id, String method, JsonValue params) {
        JsonObjectBuilder request = Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (id instanceof Number number) {
            request.add("id", number.longValue());
        } else if (id != null) {
            request.add("id", id.toString());
        }
        if (params != null) {
            request.add("params", params);
        }
        return request.build();
    }

    private static JsonObjectBuilder base(JsonValue id) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id);
    }
}
