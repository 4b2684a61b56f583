import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { notice } from './web/layout.js';

/**
 * Whether a request wants JSON (the API, or a JSON body such as the JSON login) rather than a page: a
 * browser's navigation asks for text/html.
 */
const forApi = (request: FastifyRequest) =>
  request.url.startsWith('/api/') ||
  /application\/json/.test(request.headers['content-type'] ?? '') ||
  !/text\/html/.test(request.headers.accept ?? 'text/html');

/** An error in Chinese: its status, a title for a page and the sentence both the page and the JSON say. */
interface Said {
  status: number;
  title: string;
  text: string;
}

const notFound: Said = { status: 404, title: '未找到', text: '未找到该页面或资源。' };

/** What each kind of error says. Fastify's own code and English message stay in the JSON for integrators. */
function say(error: FastifyError, api: boolean): Said {
  // A malformed id in a page's address is a page that does not exist; the API says what it is.
  if (error.validation && error.validationContext === 'params') return api ? { status: 400, title: '地址有误', text: '请求地址中的参数格式不对。' } : notFound;
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET')
    return { status: 403, title: '页面已过期', text: '表单已失效（缺少或无效的防伪令牌），请返回上一页刷新后重新提交。' };
  if (error.code === 'FST_REQ_FILE_TOO_LARGE') return { status: 413, title: '文件过大', text: '上传的文件不能超过 10 MB。' };
  if (error.statusCode === 429) return { status: 429, title: '请求过于频繁', text: '请求过于频繁，请稍后再试。' };
  if (error.validation) return { status: 400, title: '提交的内容有误', text: '提交的内容不完整或格式不对，请检查后重新提交。' };
  if (error.statusCode === 415) return { status: 415, title: '内容类型不支持', text: '提交的内容类型不受支持。' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return { status: error.statusCode, title: '请求有误', text: '请求无法处理，请检查后重试。' };
  return { status: 500, title: '出错了', text: '服务器处理请求时出错，请稍后再试。' };
}

function answer(request: FastifyRequest, reply: FastifyReply, said: Said, detail: { code?: string; message?: string } = {}): FastifyReply {
  if (forApi(request)) return reply.code(said.status).send({ error: said.text, statusCode: said.status, ...detail });
  return notice(request, reply, said.status, said.title, said.text);
}

/** The not-found answer; a plugin whose hooks must run first (the staff pages' login guard) sets it as its own. */
export const answerNotFound = (request: FastifyRequest, reply: FastifyReply) => answer(request, reply, notFound);

/**
 * Every error the service answers is said in Chinese: pages get a page in the app's frame, the JSON API gets
 * `error` in Chinese (keeping Fastify's `code` and English `message`). Unexpected errors are logged and say
 * nothing of their cause. Set on the root app, so every route (pages, API, files) shares it.
 */
export function chineseErrors(app: FastifyInstance): void {
  app.setNotFoundHandler(answerNotFound);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const said = say(error, forApi(request));
    if (said.status >= 500) request.log.error(error);
    return answer(request, reply, said, said.status >= 500 ? {} : { ...(error.code ? { code: error.code } : {}), message: error.message });
  });
}
