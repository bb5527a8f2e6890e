// Swagger UI over the app's OpenAPI document (loaded from /static/vendor, no CDN).
"use strict";
window.addEventListener("load", () => {
  const box = document.getElementById("swagger-ui");
  if (box && typeof SwaggerUIBundle !== "undefined") {
    SwaggerUIBundle({ url: box.dataset.spec, dom_id: "#swagger-ui", deepLinking: true });
  }
});
