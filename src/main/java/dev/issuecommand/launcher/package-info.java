/**
 * The runnable jar's entry point, which runs before and outside the application (docs/behaviour.md §1):
 * {@code Launcher} keeps stdout for MCP, passes {@code .env} on, validates the settings (exit 1 on a bad one), starts
 * Liberty from a reused unpacked runtime ({@code UnpackedRuntime}), or in a tuned second JVM ({@code TunedJvm}), and
 * stops it cleanly on SIGTERM/SIGINT; {@code front} is the light MCP stdio front; {@code ApplicationCommand} runs the
 * application's {@code agents} command line without Liberty, over the WAR's classes taken out once
 * ({@code ApplicationClasses}) and loaded by name. It is left out of the WAR and may
 * use only the JDK and the plain {@code config} classes packed beside it ({@code Settings}, {@code SettingsException},
 * {@code DotEnvFile}); it logs through {@code LauncherLog}, and no application package imports it.
 */
package dev.issuecommand.launcher;
