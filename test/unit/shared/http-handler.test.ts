import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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
