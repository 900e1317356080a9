import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IdempotencyConflictError, StaleCaseError } from '../../../shared/adapters/case-store.ts';
import { TaskDecidedError } from '../../../shared/adapters/task-store.ts';
import { CaseError, CaseNotFoundError, IllegalTransitionError } from '../../../shared/domain/cases/errors.ts';
import { InvalidCursorError } from '../../../shared/domain/catalog/search/cursor.ts';
import { ClockInputError } from '../../../shared/domain/clock/errors.ts';
import { badRequest } from '../../../shared/http/errors.ts';
import { httpHandler } from '../../../shared/http/handler.ts';

const context = {
  awsRequestId: 'req-1',
  functionName: 'test',
  getRemainingTimeInMillis: () => 1000,
} as Context;

function event(overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /api/things',
    rawPath: '/api/things',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {} as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
    ...overrides,
  };
}

const echo = httpHandler(async (request) => ({ received: request.json }));
const parse = (result: unknown) => {
  const r = result as { statusCode: number; body: string };
  return { status: r.statusCode, body: JSON.parse(r.body) };
};

describe('the shared HTTP handler', () => {
  it('parses a JSON body and answers 200 with JSON', async () => {
    const { status, body } = parse(await echo(event({ body: '{"a":1}' }), context));
    expect(status).toBe(200);
    expect(body).toEqual({ received: { a: 1 } });
  });

  it('answers malformed JSON with 400 INVALID_JSON in both languages', async () => {
    const { status, body } = parse(await echo(event({ body: '{"a":' }), context));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'INVALID_JSON', requestId: 'req-1' });
    expect(body.error.message['zh-CN']).toBe('请求体不是合法的 JSON');
    expect(body.error.message.en).toBe('The request body is not valid JSON');
  });

  it('decodes a base64-encoded body before parsing it', async () => {
    const body64 = Buffer.from('{"name":"张三"}').toString('base64');
    const { body } = parse(await echo(event({ body: body64, isBase64Encoded: true }), context));
    expect(body.received).toEqual({ name: '张三' });
  });

  it('reads header names in any case, as HTTP does (Content-Type, Idempotency-Key, Authorization)', async () => {
    const headersSeen = httpHandler(async (request) => ({
      received: request.json,
      key: request.headers['idempotency-key'],
    }));
    const withBearer = {
      requestContext: { authorizer: {} } as unknown as APIGatewayProxyEventV2['requestContext'],
    };
    const { status, body } = parse(
      await headersSeen(
        event({
          ...withBearer,
          body: '{"a":1}',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': 'k-1',
            Authorization: 'Bearer a.b.c',
          },
        }),
        context,
      ),
    );
    expect(status).toBe(200);
    expect(body).toEqual({ received: { a: 1 }, key: 'k-1' });
  });

  it('answers a body that is not JSON with 415', async () => {
    const { status, body } = parse(
      await echo(event({ body: 'a=1', headers: { 'content-type': 'text/plain' } }), context),
    );
    expect(status).toBe(415);
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps a zod failure to 400 VALIDATION_FAILED with the path of each issue', async () => {
    const strict = httpHandler(async (request) => z.object({ age: z.number() }).parse(request.json));
    const { status, body } = parse(await strict(event({ body: '{"age":"x"}' }), context));
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual([expect.objectContaining({ path: 'age' })]);
  });

  it('passes a domain error through with its status and code', async () => {
    const failing = httpHandler(async () => {
      throw badRequest('ID_NUMBER_INVALID', '身份证号码校验位错误', 'The ID number has a wrong check digit');
    });
    const { status, body } = parse(await failing(event(), context));
    expect(status).toBe(400);
    expect(body.error.code).toBe('ID_NUMBER_INVALID');
  });

  it('answers an unexpected failure with 500 and no internals', async () => {
    const broken = httpHandler(async () => {
      throw new Error('connection string leaked?');
    });
    const { status, body } = parse(await broken(event(), context));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('connection string');
  });

  const answerTo = async (error: Error) => {
    const { status, body } = parse(await httpHandler(async () => Promise.reject(error))(event(), context));
    return { status, code: body.error.code, message: body.error.message, body };
  };

  it('answers a rule of the case broken with 409, its code and its words', async () => {
    expect(
      await answerTo(new CaseError('NOT_AWAITING', '办件当前不等待补交材料', 'not waiting')),
    ).toMatchObject({
      status: 409,
      code: 'NOT_AWAITING',
      message: { 'zh-CN': '办件当前不等待补交材料', en: 'not waiting' },
    });
  });

  it('answers one who may not act on the case with a bare 403 FORBIDDEN, saying nothing of why', async () => {
    const refused = await answerTo(
      new CaseError('NOT_PERMITTED', '只能由申请人补交材料', 'only the applicant'),
    );
    expect(refused).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: { 'zh-CN': '您无权执行此操作', en: 'You are not allowed to do this' },
    });
    const transition = new IllegalTransitionError(
      'submitted',
      'approved',
      'NOT_PERMITTED',
      '只能由…',
      'only …',
    );
    expect(await answerTo(transition)).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('answers a status the case cannot take with 409 CASE_STATE and its words', async () => {
    const error = new IllegalTransitionError(
      'concluded',
      'withdrawn',
      'NOT_IN_TABLE',
      '只能从…转入',
      'only from …',
    );
    expect(await answerTo(error)).toMatchObject({
      status: 409,
      code: 'CASE_STATE',
      message: { 'zh-CN': error.zh, en: error.en },
    });
  });

  it('answers an approval held back by deferred materials with 409 OBLIGATIONS_OPEN', async () => {
    const error = new IllegalTransitionError(
      'under-review',
      'approved',
      'OBLIGATIONS_OPEN',
      '容缺…',
      'deferred …',
    );
    expect(await answerTo(error)).toMatchObject({ status: 409, code: 'OBLIGATIONS_OPEN' });
  });

  it('answers the conflicts of the stores with 409 and the words the API has always used', async () => {
    expect(await answerTo(new StaleCaseError())).toMatchObject({
      status: 409,
      code: 'CASE_CHANGED',
      message: { 'zh-CN': '办件已被更新，请刷新后重试', en: 'The case changed; reload and try again' },
    });
    expect(await answerTo(new TaskDecidedError())).toMatchObject({
      status: 409,
      code: 'TASK_DECIDED',
      message: { 'zh-CN': '该任务已处理', en: 'This task has been decided already' },
    });
    expect(await answerTo(new IdempotencyConflictError())).toMatchObject({
      status: 409,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: {
        'zh-CN': '该 Idempotency-Key 已用于另一份申请',
        en: 'This Idempotency-Key was used for another request',
      },
    });
  });

  it('answers a missing case with 404 CASE_NOT_FOUND and a bad search cursor with 400 INVALID_CURSOR', async () => {
    expect(await answerTo(new CaseNotFoundError('c-1'))).toMatchObject({
      status: 404,
      code: 'CASE_NOT_FOUND',
      message: { 'zh-CN': '未找到该办件', en: 'No such case' },
    });
    expect(await answerTo(new InvalidCursorError())).toMatchObject({
      status: 400,
      code: 'INVALID_CURSOR',
      message: { 'zh-CN': '分页游标无效', en: 'The cursor is not valid for this query' },
    });
  });

  it("answers the platform's own fault (stored data that does not hold together) with 500 INTERNAL, its words kept back", async () => {
    const { status, code, body } = await answerTo(
      new ClockInputError('pauses.0.reason', '须写明理由', 'needs a reason'),
    );
    expect({ status, code }).toEqual({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(body)).not.toMatch(/needs a reason|须写明理由/);
  });

  it('sends a full response when the capability returns one', async () => {
    const created = httpHandler(async () => ({
      statusCode: 201,
      body: { id: 'x' },
      headers: { location: '/x' },
    }));
    const result = (await created(event(), context)) as {
      statusCode: number;
      headers: Record<string, string>;
    };
    expect(result.statusCode).toBe(201);
    expect(result.headers.location).toBe('/x');
    expect(result.headers['cache-control']).toBe('no-store');
  });
});
