/**
 * Claims on GitHub issues (docs/behaviour.md §4–§6): the claim routes, {@code next_issue}, repositories and issues,
 * health numbers and sync. The facade {@code control.Claims} makes every change in one write transaction with its
 * event; the transition table is {@code control.ClaimTransitions}, the order of checks {@code control.ClaimRules},
 * the issue order {@code control.IssuePriority}, the stale rules {@code control.StaleSweepPolicy}, reconciliation
 * {@code control.GitHubSync}, the refusal reasons {@code entity.Reason}. It uses {@code github}, {@code store},
 * {@code events}, {@code problems} and {@code config}; it knows nothing of follow-ups, webhooks or MCP, which call it.
 */
package dev.issuecommand.claims;
