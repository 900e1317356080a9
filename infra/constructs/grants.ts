import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';

export interface TableAccess {
  table: dynamodb.ITable;
  key: kms.IKey;
  indexes: string[];
}

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

/**
 * Least-privilege table access: named actions on the table and its named indexes, and on its KMS key. CDK's
 * own grants use wildcards (`index/*`, `kms:GenerateDataKey*`) that cdk-nag rightly flags.
 */
export function grantTable(grantee: iam.IGrantable, access: TableAccess, mode: 'read' | 'readwrite'): void {
  const { table, key, indexes } = access;
  iam.Grant.addToPrincipal({
    grantee,
    actions: mode === 'read' ? READ : [...READ, ...WRITE],
    resourceArns: [table.tableArn, ...indexes.map((i) => `${table.tableArn}/index/${i}`)],
  });
  iam.Grant.addToPrincipal({
    grantee,
    actions:
      mode === 'read'
        ? ['kms:Decrypt', 'kms:DescribeKey']
        : ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
    resourceArns: [key.keyArn],
  });
}

/**
 * Computing ID hashes: `kms:GenerateMac` on the HMAC key and nothing else. Whoever may compute hashes may test
 * guessed numbers against a hash, so only functions that take ID numbers in are given it.
 */
/** GenerateMac on an HMAC key (the ID hash, the paging key): only that, only on that key. */
export function grantIdHash(grantee: iam.IGrantable, key: kms.IKey): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['kms:GenerateMac'], resourceArns: [key.keyArn] });
}

/**
 * Appending audit records: `PutItem` on the table and nothing else (no update, no delete), with the key to
 * encrypt what it puts.
 */
export function grantAppend(grantee: iam.IGrantable, access: TableAccess): void {
  iam.Grant.addToPrincipal({ grantee, actions: ['dynamodb:PutItem'], resourceArns: [access.table.tableArn] });
  iam.Grant.addToPrincipal({
    grantee,
    actions: ['kms:Encrypt', 'kms:GenerateDataKey'],
    resourceArns: [access.key.keyArn],
  });
}
