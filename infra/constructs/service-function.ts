import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { configOf } from '../config.ts';
import { acknowledge } from './nag.ts';
import { PlatformLogGroup } from './platform-logs.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServiceFunctionProps {
  /** Path of the handler file relative to functions/, e.g. 'platform/health.ts'. */
  entry: string;
  description: string;
  environment?: Record<string, string>;
  timeout?: Duration;
  memorySize?: number;
  reservedConcurrentExecutions?: number;
}

/**
 * One Lambda function per service capability, with the platform's defaults: Node 24 on arm64, an ESM
 * bundle, X-Ray tracing, Powertools settings, and its own log group kept as audit logs are (PlatformLogGroup).
 */
export class ServiceFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    const { stage } = configOf(scope);
    const logGroup = new PlatformLogGroup(scope, `${id}Logs`);
    super(scope, id, {
      entry: `${ROOT}functions/${props.entry}`,
      projectRoot: ROOT,
      depsLockFilePath: `${ROOT}package-lock.json`,
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        STAGE: stage,
        POWERTOOLS_SERVICE_NAME: `tongban-${props.entry.split('/')[0]}`,
        POWERTOOLS_METRICS_NAMESPACE: 'tongban',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        minify: true,
        sourceMap: true,
        mainFields: ['module', 'main'],
        // Some CommonJS dependencies call require(); an ESM bundle needs it defined.
        banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
        externalModules: [],
        logLevel: LogLevel.WARNING,
      },
    });
    acknowledge(this, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'AWSLambdaBasicExecutionRole only grants writing to CloudWatch Logs, which every function needs.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          "X-Ray's PutTraceSegments/PutTelemetryRecords, and a stream reader's dynamodb:ListStreams, do not support resource-level permissions.",
      },
    ]);
  }
}
