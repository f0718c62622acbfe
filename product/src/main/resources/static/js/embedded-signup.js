// One launcher for Embedded Signup: Facebook's JS SDK in live mode, the Meta sandbox's popup in sandbox mode.
// Both end in the same handler: the session-info message (WA_EMBEDDED_SIGNUP) and FB.login's code are
// joined, whatever their order, and reported to the server, which exchanges the code at once (30 s TTL).
(() => {
  const panel = document.querySelector("[data-embedded-signup]");
  if (!panel) return;
  const cfg = panel.dataset;
  // The default flow, and the flow that keeps the number on the WhatsApp Business app (its featureType).
  const buttons = [...panel.querySelectorAll("[data-embedded-signup-launch]")];
  const statusBox = panel.querySelector("[data-embedded-signup-status]");
  const errorBox = panel.querySelector("[data-embedded-signup-error]");
  const numbersBox = panel.querySelector("[data-embedded-signup-numbers]");
  let sessionInfo = null;
  let login = null;
  let reported = false;
  let popup = null;

  const show = (box, text) => { box.textContent = text; box.hidden = !text; };
  const status = (text) => { show(statusBox, text); show(errorBox, ""); numbersBox.hidden = true; };
  const enable = () => buttons.forEach((button) => { button.disabled = false; });
  const error = (text) => { show(errorBox, text); show(statusBox, ""); enable(); };
  // A WABA shared without a number: the server's guidance and the numbers Meta lists for it.
  const guidance = (text, numbers) => {
    show(statusBox, "");
    numbersBox.querySelector("p").textContent = text;
    numbersBox.querySelector("ul").replaceChildren(...numbers.map((number) => {
      const item = document.createElement("li");
      item.textContent = number;
      return item;
    }));
    numbersBox.hidden = false;
    enable();
  };

  // The session expired while Meta's window was open: what Meta returned is lost with it, so the merchant
  // logs in again; reloading this page leads to the login form and back here.
  const loginAgain = (text) => {
    const link = document.createElement("a");
    link.href = window.location.href;
    link.textContent = cfg.msgLogin;
    errorBox.replaceChildren(`${text || cfg.msgFailed} `, link);
    errorBox.hidden = false;
    show(statusBox, "");
  };

  // Only Meta (live) or our own origin (sandbox) may speak to this page.
  const trusted = (origin) => {
    if (cfg.mode === "sandbox") return origin === window.location.origin;
    try {
      const host = new URL(origin).hostname;
      return host === "facebook.com" || host.endsWith(".facebook.com");
    } catch { return false; }
  };

  window.addEventListener("message", (event) => {
    if (!trusted(event.origin)) return;
    let data;
    try { data = typeof event.data === "string" ? JSON.parse(event.data) : event.data; } catch { return; }
    if (!data || typeof data !== "object") return;
    if (data.type === "WA_EMBEDDED_SIGNUP") {
      sessionInfo = data;
      settle();
    } else if (data.type === "SANDBOX_FB_LOGIN" && cfg.mode === "sandbox") {
      onLogin(data);
    }
  });

  function onLogin(response) {
    login = response || {};
    settle();
  }

  // Meta's event name travels as is: FINISH, FINISH_ONLY_WABA and FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING
  // mean different things (the last one a number that stays on the app: no register), and a CANCEL may
  // carry an error the user reported; the server tells them apart.
  function settle() {
    if (reported) return;
    const event = sessionInfo && sessionInfo.event;
    const data = (sessionInfo && sessionInfo.data) || {};
    const code = login && login.authResponse && login.authResponse.code;
    if (event && event.startsWith("FINISH") && code) {
      report({ ...data, code, outcome: event });
    } else if (event === "CANCEL" || event === "ERROR") {
      report({ ...data, outcome: event });
    } else if (login && !code && !event) {
      // FB.login ended without a code and Meta said nothing: closed before the flow started.
      report({ outcome: "CANCEL", current_step: null });
    }
  }

  async function report(body) {
    reported = true;
    if (body.outcome && body.outcome.startsWith("FINISH")) status(cfg.msgFinishing);
    const header = document.querySelector('meta[name="csrf-header"]').content;
    const token = document.querySelector('meta[name="csrf-token"]').content;
    try {
      const response = await fetch(cfg.reportUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", [header]: token },
        body: JSON.stringify(body),
      });
      const answer = await response.json();
      if (response.status === 401) {
        loginAgain(answer.message);
      } else if (answer.redirect) {
        window.location.assign(answer.redirect);
      } else if (response.ok && Array.isArray(answer.numbers)) {
        guidance(answer.message, answer.numbers);
      } else {
        error(answer.message || cfg.msgFailed);
      }
    } catch {
      error(cfg.msgFailed);
    }
  }

  const launch = (featureType) => {
    buttons.forEach((button) => { button.disabled = true; });
    const extras = featureType ? { setup: {}, featureType, sessionInfoVersion: "3" } : { setup: {}, sessionInfoVersion: "3" };
    reported = false;
    sessionInfo = null;
    login = null;
    status(cfg.msgWaiting);
    if (cfg.mode === "sandbox") {
      const url = new URL(cfg.sandboxUrl, window.location.origin);
      url.searchParams.set("app_id", cfg.appId);
      url.searchParams.set("config_id", cfg.configId);
      url.searchParams.set("origin", window.location.origin);
      url.searchParams.set("extras", JSON.stringify(extras));
      popup = window.open(url.toString(), "meta-embedded-signup", "width=640,height=760");
      const watch = setInterval(() => {
        if (popup && popup.closed) {
          clearInterval(watch);
          // Give the popup's last messages a moment to arrive before calling it a silent close.
          setTimeout(() => { if (!reported && !sessionInfo && !login) onLogin({ authResponse: null }); }, 500);
        }
      }, 400);
    } else {
      window.FB.init({ appId: cfg.appId, autoLogAppEvents: true, xfbml: true, version: cfg.graphVersion });
      window.FB.login(onLogin, {
        config_id: cfg.configId,
        response_type: "code",
        override_default_response_type: true,
        extras,
      });
    }
  };
  buttons.forEach((button) => button.addEventListener("click", () => launch(button.dataset.featureType)));
})();
