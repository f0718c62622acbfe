// Every htmx request carries the CSRF token that Spring Security put in the page's <meta> tags.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// "Enviar código" waits for its countdown (step 3's number verification): one request per number a
// minute, which the server enforces; the page only says how long is left and when to try again.
setInterval(() => {
  document.querySelectorAll("[data-countdown]").forEach((element) => {
    const left = Number(element.dataset.countdown) - 1;
    const box = element.closest("section") || document;
    if (left > 0) {
      element.dataset.countdown = String(left);
      element.textContent = element.dataset.countdownText.replace("{0}", String(left));
      return;
    }
    element.removeAttribute("data-countdown");
    element.textContent = element.dataset.countdownDone;
    box.querySelectorAll("[data-countdown-button]").forEach((button) => { button.disabled = false; });
  });
}, 1000);
