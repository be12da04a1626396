// Starts Swagger UI with IssueCommand's OpenAPI document, GET /openapi (two levels up from /openapi/ui/).
// "Authorize" offers the document's security schemes: "bearer" takes the API key.
// validatorUrl null: the document is never sent to an outside validator.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '../../openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
});
