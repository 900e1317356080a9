import { randomBytes } from 'node:crypto';
import type { LocalFunctionSpec } from './types.ts';

// Lambda rejects functions that configure these, because the runtime owns them.
const reservedKeys = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

export function assertNoReservedKeys(spec: LocalFunctionSpec): void {
  const used = Object.keys(spec.environment).filter((key) => reservedKeys.has(key));
  if (used.length > 0) {
    throw new Error(
      `Function ${spec.name} sets reserved environment variables, which Lambda rejects: ${used.join(', ')}`,
    );
  }
}

/**
 * The environment of one execution environment: the platform's base, then the function's own variables, then
 * what the Lambda runtime sets. Credentials come only from the base, since functions cannot set them.
 */
export function lambdaEnvironment(
  spec: LocalFunctionSpec,
  base: Record<string, string>,
  memoryMb: number,
): Record<string, string> {
  // The parent's NODE_OPTIONS may carry a TypeScript loader or inspector flags meant for local mode itself.
  const { NODE_OPTIONS: _ignored, ...inherited } = base;
  const region = spec.arn.split(':')[3] || base.AWS_REGION || 'us-east-1';
  return {
    ...inherited,
    // Lambda no longer reserves TZ, so a function may set its own, but the host's must not show through. Only the
    // variable, though: Date follows the process-wide zone, which a worker thread cannot change.
    TZ: ':UTC',
    ...spec.environment,
    _HANDLER: spec.handler,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${spec.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memoryMb),
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: spec.logGroupName ?? `/aws/lambda/${spec.name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName(),
    ...(spec.logFormat === 'JSON' && { AWS_LAMBDA_LOG_FORMAT: 'JSON' }),
    LAMBDA_TASK_ROOT: spec.assetDir,
  };
}

// Each execution environment writes to its own stream, named the way Lambda names them.
function logStreamName(): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

/** Flags from the function's own NODE_OPTIONS that a worker thread accepts; CDK sets --enable-source-maps. */
export function workerExecArgv(environment: Record<string, string>): string[] {
  const flags = (environment.NODE_OPTIONS ?? '').split(/\s+/);
  return flags.includes('--enable-source-maps') ? ['--enable-source-maps'] : [];
}
