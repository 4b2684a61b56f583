import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { html } from '../../../reports/html.js';
import { minPasswordLength } from '../../store/accounts.js';
import { startSession } from '../auth.js';
import type { RouteContext } from '../route-context.js';
import { errorBox } from './campaign-form.js';
import { csrfField, render } from './layout.js';

const PasswordChange = Type.Object({
  current: Type.String({ maxLength: 200 }),
  password: Type.String({ maxLength: 200 }),
  confirm: Type.String({ maxLength: 200 }),
  _csrf: Type.Optional(Type.String()),
});

function passwordForm(csrf: string, problems: string[] | null, done = false) {
  return html`<h1>修改密码</h1>${done ? html`<p class="success" role="status">密码已修改。其他设备上的登录已失效，需要用新密码重新登录。</p>` : ''}${errorBox(problems)}
<form method="post" action="/account/password" class="card">${csrfField(csrf)}
<label for="current">当前密码</label><input id="current" type="password" name="current" autocomplete="current-password" required>
<label for="password">新密码（至少 ${minPasswordLength} 个字符）</label><input id="password" type="password" name="password" autocomplete="new-password" minlength="${minPasswordLength}" required>
<label for="confirm">再次输入新密码</label><input id="confirm" type="password" name="confirm" autocomplete="new-password" required>
<p><button type="submit">修改密码</button></p></form>`;
}

/** 修改密码, for every account: the current password, then the new one twice; every other session of the account ends. */
export function accountPages({ store, secureCookies }: RouteContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const guard = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.user) return reply.redirect(`/login?next=${encodeURIComponent('/account/password')}`, 303);
    };
    app.get('/account/password', { schema: { hide: true }, onRequest: guard }, async (request, reply) =>
      render(request, reply, '修改密码', (csrf) => passwordForm(csrf, null)),
    );
    app.post(
      '/account/password',
      {
        schema: { hide: true, body: PasswordChange },
        onRequest: guard,
        preValidation: app.csrfProtection,
        // Guessing the current password through this form is as slow as through the login form.
        config: {
          rateLimit: {
            max: 5,
            timeWindow: '1 minute',
            hook: 'preHandler',
            keyGenerator: (request: FastifyRequest) => `password|${request.user?.id ?? request.ip}`,
          },
        },
      },
      async (request, reply) => {
        const user = request.user!;
        const { current, password, confirm } = request.body;
        const problems: string[] = [];
        if (!(await store.accounts.checkPassword(user.id, current))) problems.push('当前密码不正确。');
        if (password.length < minPasswordLength) problems.push(`新密码至少 ${minPasswordLength} 个字符。`);
        if (password !== confirm) problems.push('两次输入的新密码不一致。');
        if (password === current) problems.push('新密码不能与当前密码相同。');
        if (problems.length) {
          store.reviews.audit(user.id, 'password-change-refused', `user:${user.id}`);
          return render(request, reply, '修改密码', (csrf) => passwordForm(csrf, problems), { status: 400 });
        }
        await store.accounts.setPassword(user.id, password);
        store.reviews.audit(user.id, 'password-changed', `user:${user.id}`);
        // Every session ended with the change; this browser gets a new one.
        startSession(reply, store, user.id, secureCookies);
        return render(request, reply, '修改密码', (csrf) => passwordForm(csrf, null, true));
      },
    );
  };
}
