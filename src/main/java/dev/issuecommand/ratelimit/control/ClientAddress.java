package dev.issuecommand.ratelimit.control;

/** The client IP of docs/behaviour.md §11: the socket address, or behind a trusted proxy its forwarding headers. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * With {@code trustProxy}, the first {@code X-Forwarded-For} entry, else {@code X-Real-IP}, else the socket
     * address; without it always the socket address.
     */
    public static String resolve(boolean trustProxy, String forwardedFor, String realIp, String socketAddress) {
        if (trustProxy) {
            if (forwardedFor != null) {
                String first = forwardedFor.split(",", 2)[0].strip();
                if (!first.isEmpty()) {
                    return first;
                }
            }
            if (realIp != null && !realIp.isBlank()) {
                return realIp.strip();
            }
        }
        return socketAddress == null ? "unknown" : socketAddress;
    }
}
