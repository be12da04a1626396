package dev.issuecommand.github;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Answers GitHub's REST requests inside this process instead of over the network: the demo mode's GitHub
 * (docs/behaviour.md §16). {@link GitHubTransport} hands it every request while the demo is on, and the network
 * nothing; the answers are read exactly as GitHub's would be.
 */
public interface GitHubStandIn {

    /** GitHub's answer to {@code request}: status, headers ({@code Link} for pagination) and JSON body. */
    HttpResponse<String> exchange(HttpRequest request);
}
