import type { DemoUser } from './demo-users.ts';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The local sign-in page: pick a demo user, get a token, go back to the app. */
export function signInPage(users: DemoUser[]): string {
  const rows = users
    .map(
      (u) => `<li><button type="button" data-role="${u.role}" data-user="${escapeHtml(u.id)}">
        <strong>${escapeHtml(u.name)}</strong> <span>${u.role}</span><br><small>${escapeHtml(u.description)}</small>
      </button></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>本地登录 Local sign-in · 通办</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1f2328}
main{max-width:40rem;margin:2rem auto;padding:0 1rem}ul{list-style:none;padding:0}
button{width:100%;text-align:left;padding:.75rem 1rem;margin:.25rem 0;font-size:1rem;border:1px solid #d0d7de;
border-radius:8px;background:#fff;cursor:pointer}button:focus,button:hover{border-color:#0b57d0;outline:2px solid #0b57d0}
span{color:#57606a}small{color:#57606a}#status{min-height:1.5rem}
</style></head>
<body><main>
<h1>本地登录 <small lang="en">Local sign-in</small></h1>
<p>仅用于本地模式：选择一位演示用户登录。<span lang="en">Local mode only: sign in as a demo user.</span></p>
<ul>${rows}</ul>
<p id="status" role="status" aria-live="polite"></p>
</main>
<script>
for (const b of document.querySelectorAll('button')) b.addEventListener('click', async () => {
  const status = document.getElementById('status');
  const res = await fetch('/local/token', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: b.dataset.role, user: b.dataset.user }) });
  const body = await res.json();
  if (!res.ok) { status.textContent = body.error.message['zh-CN']; return; }
  localStorage.setItem('tongban.token', body.token);
  localStorage.setItem('tongban.user', JSON.stringify(body.user));
  status.textContent = '已登录 Signed in: ' + body.user.name;
  location.href = new URLSearchParams(location.search).get('next') || '/';
});
</script></body></html>`;
}
