/**
 * Waiting for work (docs/behaviour.md §18): {@code next_issue} and {@code next_work} calls with {@code wait_seconds}
 * that found nothing wait here, without a thread or a database lock, until work appears (an event read from the log
 * of any process, or a periodic look), then are served in arrival order, one item each, or answered the usual
 * "nothing" when the wait ends or the server stops. Owns the waiting queue and its wake-ups only: the picks are the
 * claims and follow-up facades' own ({@code IssuePicker}, {@code NextWork}), called as they are, and claim
 * exclusivity stays with the database. {@code control} holds the queue ({@code WaitQueue}, {@code Waiting}) and the
 * calls HTTP and MCP share ({@code WaitForWork}); {@code boundary} answers a suspended JAX-RS request when its call
 * completes. Must not touch the pickers' internals or any table.
 */
package dev.issuecommand.waiting;
