// Passkeys: sign in with one (sign-in page) and add one (account page), through Spring Security's WebAuthn
// endpoints on this site. Binary fields travel as base64url, as those endpoints expect. The CSRF token comes from
// the page (a hidden field, #csrf-token): the token cookie is HttpOnly, so no script can read it.

document.documentElement.classList.add('js');

const csrf = document.getElementById('csrf-token');
const headers = {
  'Content-Type': 'application/json',
  ...(csrf ? { [csrf.dataset.header]: csrf.value } : {}),
};

const toBase64url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
  .replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

function fromBase64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
}

async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST', headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const failure = new Error(`${url} answered ${response.status}`);
    failure.retryAfter = response.status === 429 ? Number(response.headers.get('Retry-After')) : 0;
    throw failure;
  }
  return response.json();
}

const supported = () => typeof window.PublicKeyCredential === 'function' && navigator.credentials;

async function signIn(continueTo) {
  const options = await postJson('/webauthn/authenticate/options');
  const credential = await navigator.credentials.get({
    publicKey: {
      ...options,
      challenge: fromBase64url(options.challenge),
      allowCredentials: (options.allowCredentials ?? []).map((c) => ({ ...c, id: fromBase64url(c.id) })),
    },
  });
  const { response } = credential;
  const result = await postJson('/login/webauthn', {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    response: {
      authenticatorData: toBase64url(response.authenticatorData),
      clientDataJSON: toBase64url(response.clientDataJSON),
      signature: toBase64url(response.signature),
      userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined,
    },
    credType: credential.type,
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment,
  });
  if (!result.authenticated) {
    throw new Error('not authenticated');
  }
  // Only a path on this site: the page wrote it, but a path is all that is ever followed.
  window.location.assign(continueTo && continueTo.startsWith('/') && !continueTo.startsWith('//') ? continueTo : '/account');
}

async function register(label) {
  const options = await postJson('/webauthn/register/options');
  const credential = await navigator.credentials.create({
    publicKey: {
      ...options,
      challenge: fromBase64url(options.challenge),
      user: { ...options.user, id: fromBase64url(options.user.id) },
      excludeCredentials: (options.excludeCredentials ?? []).map((c) => ({ ...c, id: fromBase64url(c.id) })),
    },
  });
  const { response } = credential;
  const result = await postJson('/webauthn/register', {
    publicKey: {
      credential: {
        id: credential.id,
        rawId: toBase64url(credential.rawId),
        response: {
          attestationObject: toBase64url(response.attestationObject),
          clientDataJSON: toBase64url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : [],
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment,
      },
      label,
    },
  });
  if (!result.success) {
    throw new Error('not registered');
  }
  window.location.assign('/account?saved=passkey');
}

function wire(buttonId, errorId, unsupportedId, action) {
  const button = document.getElementById(buttonId);
  const error = document.getElementById(errorId);
  if (!button) {
    return;
  }
  if (!supported()) {
    // Said, not just greyed out: this browser cannot use passkeys; the password still works.
    button.disabled = true;
    document.getElementById(unsupportedId).hidden = false;
    return;
  }
  button.addEventListener('click', async () => {
    error.hidden = true;
    button.disabled = true;
    try {
      await action(button);
    } catch (failure) {
      // Too many tries from this network: say how long to wait, as the password form does.
      if (failure?.retryAfter > 0 && button.dataset.tooMany) {
        error.textContent = button.dataset.tooMany.replace('{0}', String(Math.ceil(failure.retryAfter / 60)));
      }
      error.hidden = false;
      error.focus();
    } finally {
      button.disabled = false;
    }
  });
}

wire('passkey-sign-in', 'passkey-error', 'passkey-unsupported', (button) => signIn(button.dataset.continue));
wire('passkey-add', 'passkey-add-error', 'passkey-add-unsupported', () => {
  const label = document.getElementById('passkey-label').value.trim() || 'Passkey';
  return register(label.slice(0, 60));
});
