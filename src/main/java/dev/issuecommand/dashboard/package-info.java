/**
 * The dashboard for the people who run the agents (docs/behaviour.md §15): a page at {@code /ui/} (plain HTML, CSS
 * and ES modules from the application's resources), live over the event stream, and its own small API at
 * {@code /ui/api} behind a session cookie opened with the shared {@code API_KEY}, with CSRF tokens and strict security
 * headers. Operators see the whole fleet and may release claims, requeue or dismiss follow-ups and sync with GitHub;
 * each change is recorded as done by {@code operator:<name>}.
 */
package dev.issuecommand.dashboard;
