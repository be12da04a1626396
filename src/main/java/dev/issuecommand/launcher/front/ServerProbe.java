package dev.issuecommand.launcher.front;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the server's URL who answers there: IssueCommand accepting our key, IssueCommand refusing it, something else,
 * or nothing at all. One {@code GET /api/health} with the key; an IssueCommand answer is recognised by its JSON.
 */
public final class ServerProbe {

    /** What answered. */
    public enum Answer { ISSUECOMMAND, KEY_REFUSED, NOT_ISSUECOMMAND, UNREACHABLE }

    /** What answered, and a sentence for a person when it is not usable. */
    public record Result(Answer answer, String detail) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final FrontSettings settings;

    public ServerProbe(FrontSettings settings) {
        this.settings = settings;
    }

    public Result probe() {
        if (!ServerPort.accepts(settings.baseUrl(), settings.port())) {
            return new Result(Answer.UNREACHABLE, "nothing answers at " + settings.baseUrl());
        }
        HttpRequest request = HttpRequest.newBuilder(settings.resolve("/api/health")).timeout(TIMEOUT)
                .header("Authorization", settings.authorization()).header("Accept", "application/json").GET()
                .build();
        HttpResponse<String> response;
        try {
            response = ServerPort.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            return new Result(Answer.UNREACHABLE, "nothing answers at " + settings.baseUrl());
        } catch (IOException e) {
            return new Result(Answer.NOT_ISSUECOMMAND, settings.baseUrl() + " accepts connections but does not answer "
                    + "as IssueCommand (" + e.getClass().getSimpleName() + "): set ISSUECOMMAND_URL or HTTP_PORT to "
                    + "the IssueCommand server");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Answer.UNREACHABLE, "interrupted");
        }
        String body = response.body() == null ? "" : response.body();
        if (response.statusCode() == 200 && body.contains("\"health\"") && body.contains("\"active_claims\"")) {
            return new Result(Answer.ISSUECOMMAND, "IssueCommand at " + settings.baseUrl());
        }
        if (response.statusCode() == 401 && (body.contains("\"unauthorized\"") || body.contains("\"key_expired\""))) {
            return new Result(Answer.KEY_REFUSED, "the IssueCommand server at " + settings.baseUrl()
                    + " refuses this " + settings.keySetting() + " (401): use the key that server was started with, "
                    + "or an agent key it issued");
        }
        if (response.statusCode() == 429 && body.contains("\"rate_limited\"")) {
            return new Result(Answer.ISSUECOMMAND, "IssueCommand at " + settings.baseUrl() + " (rate limited)");
        }
        if (response.statusCode() == 503) {
            return new Result(Answer.UNREACHABLE, settings.baseUrl() + " is busy (" + response.statusCode() + ")");
        }
        return new Result(Answer.NOT_ISSUECOMMAND, settings.baseUrl() + " answers, but not as IssueCommand (GET "
                + "/api/health gave HTTP " + response.statusCode() + "): set ISSUECOMMAND_URL or HTTP_PORT to the "
                + "IssueCommand server");
    }
}
