import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStack } from '../../infra/stacks/data-stack.ts';
import { buildOnly, type Synthesized, synthesizePlatform } from './support/synth.ts';
import { flatten, logicalId, resources } from './support/templates.ts';

interface Trail {
  IsLogging: boolean;
  IsMultiRegionTrail: boolean;
  IncludeGlobalServiceEvents: boolean;
  EnableLogFileValidation: boolean;
  KMSKeyId: unknown;
  S3BucketName: unknown;
  EventSelectors: {
    IncludeManagementEvents: boolean;
    ReadWriteType: string;
    DataResources?: { Type: string; Values: unknown[] }[];
  }[];
}

/** Six calendar months are at most 184 days (等保 level 3 keeps audit records at least six months). */
const SIX_MONTHS = 184;

describe.each([
  { stage: 'dev', lock: 'GOVERNANCE' },
  { stage: 'prod', lock: 'COMPLIANCE' },
])('the audit trail of stage $stage', ({ stage, lock }) => {
  let platform: Synthesized;
  beforeAll(() => {
    platform = synthesizePlatform({ context: { 'tongban:stage': stage }, bundle: false });
  });
  afterAll(() => platform?.dispose());
  const audit = () => platform.template('audit');
  const trail = () => resources<Trail>(audit(), 'AWS::CloudTrail::Trail')[0]!.props;

  it('records every management event of every region with CloudTrail, with digests that prove its files intact', () => {
    expect(trail()).toMatchObject({
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
    });
    expect(trail().EventSelectors).toContainEqual(
      expect.objectContaining({ IncludeManagementEvents: true, ReadWriteType: 'All' }),
    );
  });

  it('records every read and write of a material (S3 data events of the materials bucket)', () => {
    const data = trail().EventSelectors.flatMap((s) => s.DataResources ?? []);
    expect(data).toHaveLength(1);
    expect(data[0]!.Type).toBe('AWS::S3::Object');
    const bucket = logicalId(platform.stack<DataStack>('data').materialsBucket);
    expect(flatten(data[0]!.Values)).toMatch(
      new RegExp(`^\\$\\{import:tongban-${stage}-data:\\w*${bucket.slice(0, 15)}\\w*\\}/$`),
    );
  });

  it('encrypts the trail with the platform key, into an archive no one can delete from for the retention', () => {
    const key = logicalId(platform.stack<DataStack>('data').key);
    const imported = /\$\{import:([^}]+)\}/.exec(flatten(trail().KMSKeyId))![1]!;
    expect(platform.exported(imported)).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
    const archiveId = (trail().S3BucketName as { Ref: string }).Ref;
    const archive = audit().toJSON().Resources[archiveId] as {
      DeletionPolicy: string;
      Properties: {
        ObjectLockEnabled: boolean;
        ObjectLockConfiguration: unknown;
        VersioningConfiguration: unknown;
      };
    };
    expect(archive.DeletionPolicy).toBe('Retain');
    expect(archive.Properties.ObjectLockEnabled).toBe(true);
    expect(archive.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: lock, Days: 365 } },
    });
  });

  it('keeps every log group a year (at least six months), encrypted with the platform key, when its stack goes', () => {
    const key = logicalId(platform.stack<DataStack>('data').key);
    const groups = platform.assembly.stacks.flatMap((stack) =>
      Object.entries(
        stack.template.Resources as Record<
          string,
          {
            Type: string;
            DeletionPolicy?: string;
            Properties: { RetentionInDays?: number; KmsKeyId?: unknown };
          }
        >,
      )
        .filter(([, r]) => r.Type === 'AWS::Logs::LogGroup')
        .map(([id, r]) => ({ id: `${stack.stackName}/${id}`, ...r })),
    );
    expect(groups.length).toBeGreaterThan(40);
    for (const group of groups) {
      expect(group.Properties.RetentionInDays, group.id).toBe(365);
      expect(group.Properties.RetentionInDays, group.id).toBeGreaterThanOrEqual(SIX_MONTHS);
      expect(group.DeletionPolicy, group.id).toBe('Retain');
      const keyArn = flatten(group.Properties.KmsKeyId);
      const imported = /\$\{import:([^}]+)\}/.exec(keyArn)?.[1];
      const resolved = imported ? platform.exported(imported) : group.Properties.KmsKeyId;
      expect(resolved, group.id).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
    }
  });

  it('writes every function’s logs to such a log group', () => {
    const functions = platform.assembly.stacks.flatMap((stack) =>
      Object.values(
        stack.template.Resources as Record<
          string,
          { Type: string; Properties: { LoggingConfig?: { LogGroup?: unknown } } }
        >,
      )
        .filter((r) => r.Type === 'AWS::Lambda::Function')
        .map((r) => ({
          stack,
          logGroup: r.Properties.LoggingConfig?.LogGroup as { Ref?: string } | undefined,
        })),
    );
    for (const { stack, logGroup } of functions) {
      expect(logGroup?.Ref, stack.stackName).toBeDefined();
      expect((stack.template.Resources as Record<string, { Type: string }>)[logGroup!.Ref!]!.Type).toBe(
        'AWS::Logs::LogGroup',
      );
    }
  });

  it('logs who called the API (the token subject) and from which IP', () => {
    const [apiStage] = resources<{ AccessLogSettings: { Format: string } }>(
      platform.template('api'),
      'AWS::ApiGatewayV2::Stage',
    );
    const format = JSON.parse(apiStage!.props.AccessLogSettings.Format);
    expect(format).toMatchObject({
      caller: '$context.authorizer.claims.sub',
      sourceIp: '$context.identity.sourceIp',
      routeKey: '$context.routeKey',
      time: '$context.requestTime',
    });
  });
});

describe('a stage that would keep its logs less than six months', () => {
  it('is refused: CloudWatch Logs offers 180 days, short of six calendar months', () => {
    expect(() => buildOnly({ 'tongban:logRetentionDays': 180 })).toThrow(
      /logRetentionDays 180 must be one of 365, 400/,
    );
  });

  it('is kept longer when configured so', () => {
    const platform = synthesizePlatform({ context: { 'tongban:logRetentionDays': 731 }, bundle: false });
    try {
      const [group] = resources<{ RetentionInDays: number }>(platform.template('api'), 'AWS::Logs::LogGroup');
      expect(group!.props.RetentionInDays).toBe(731);
    } finally {
      platform.dispose();
    }
  });
});
