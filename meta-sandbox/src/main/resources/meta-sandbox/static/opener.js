// "Testar o Embedded Signup": opens the sandbox popup exactly as the product does and lists what it posts.
document.addEventListener("DOMContentLoaded", () => {
  const opener = document.getElementById("opener");
  if (!opener) {
    return;
  }
  const list = document.getElementById("messages");
  const none = document.getElementById("no-messages");
  window.addEventListener("message", (event) => {
    if (event.origin !== opener.dataset.origin || typeof event.data !== "string") {
      return;
    }
    const item = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = event.data;
    item.appendChild(code);
    list.appendChild(item);
    none.hidden = true;
  });
  document.getElementById("open-signup").addEventListener("click", () => {
    const extras = JSON.stringify({ setup: {}, sessionInfoVersion: "3" });
    const url = opener.dataset.url
      + "?app_id=" + encodeURIComponent(opener.dataset.appId)
      + "&config_id=" + encodeURIComponent(opener.dataset.configId)
      + "&origin=" + encodeURIComponent(opener.dataset.origin)
      + "&extras=" + encodeURIComponent(extras);
    window.open(url, "meta-embedded-signup", "width=640,height=760");
  });
});
