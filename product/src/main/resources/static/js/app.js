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

// "Copiar" beside something to hand on (a new API key shown once, the details for support): copies the
// named element's text (a field's value) and says so on the button. Without the clipboard API (an old
// browser, a page not served over HTTPS) a field's text is selected instead, ready for Ctrl+C.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const source = document.querySelector(button.dataset.copy);
  if (!source) {
    return;
  }
  const done = () => {
    button.textContent = button.dataset.copied;
  };
  const field = typeof source.select === "function";
  const text = field ? source.value : source.textContent.trim();
  if (field) {
    source.select();
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, () => field && source.select());
  } else if (field && document.execCommand && document.execCommand("copy")) {
    done();
  }
});

// Personalizar's crop control: the chosen logo shown in a square cut as the server will cut it. CSS
// object-position takes the same percentages of the spare width and height as the crop offsets.
document.addEventListener("change", (event) => {
  const input = event.target.closest("[data-crop-source]");
  if (!input || !input.files || !input.files[0]) {
    return;
  }
  const control = input.form.querySelector("[data-crop]");
  const preview = control.querySelector("[data-crop-preview]");
  const reader = new FileReader();
  reader.onload = () => {
    preview.src = reader.result;
    control.hidden = false;
  };
  reader.readAsDataURL(input.files[0]);
});
document.addEventListener("input", (event) => {
  const control = event.target.closest("[data-crop]");
  if (!control) {
    return;
  }
  const x = control.querySelector("[data-crop-x]").value;
  const y = control.querySelector("[data-crop-y]").value;
  control.querySelector("[data-crop-preview]").style.objectPosition = `${x}% ${y}%`;
});
