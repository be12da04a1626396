/**
 * Configuration shared by every feature (docs/behaviour.md §2): the settings parsed and validated once
 * ({@code settings.Settings}, in a plain-JDK subpackage that the launcher also uses before the server starts), the
 * {@code .env} config source (MicroProfile Config side), the JSON-B
 * configuration of the API and the {@code @ApplicationPath}.
 *
 * <p>Where each rule lives: this package parses values (an invalid one stops the start naming the variable); it
 * decides nothing with them. {@code ALLOWED_REPOS} is parsed here (trimmed, lower-cased) with its bare membership
 * test ({@code Settings.allowListAdmits}, also used by the {@code agents} command line, which runs without CDI);
 * whether a repository is allowed for a caller (an agent key narrows the list), and which ones are in scope, is
 * {@code claims.control.RepositoryPolicy}'s.
 * This package must not depend on any feature.
 */
package dev.issuecommand.config;
