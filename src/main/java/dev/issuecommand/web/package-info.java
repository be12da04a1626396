/**
 * Serving files of the class path to browsers: the dashboard's page files and Swagger UI. {@code ClasspathFiles}
 * finds a file and remembers it with its media type, size and strong ETag; {@code FileAnswers} answers a GET with it
 * (304 when the client's copy is current); {@code ReadOnlyServlet} is the base of servlets that answer only GET and
 * HEAD, with problem+json for anything else. It knows nothing of the features it serves files for and imports only
 * {@code problems}; {@code dashboard} and {@code openapi} use it.
 */
package dev.issuecommand.web;
