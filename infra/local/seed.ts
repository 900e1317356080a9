import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TemplateModel } from './assembly/model.ts';

/** Demo guides, so that a fresh local platform has something to show. Existing items are left alone. */
const GUIDES = [
  {
    implementationCode: '000109001000610100',
    baseCode: '000109001000',
    name: '企业设立登记',
    nameEn: 'Enterprise establishment registration',
    region: '610100',
    department: 'market-regulation',
    legalLimitDays: 20,
    promisedLimitDays: 3,
    materials: ['公司登记（备案）申请书', '公司章程', '法定代表人、董事、监事和经理的任职文件'],
  },
  {
    implementationCode: '000107002000610100',
    baseCode: '000107002000',
    name: '出生登记',
    nameEn: 'Birth registration',
    region: '610100',
    department: 'public-security',
    legalLimitDays: 10,
    promisedLimitDays: 1,
    materials: ['出生医学证明', '父母双方居民户口簿', '父母双方居民身份证'],
  },
];

export async function seedDemoData(model: TemplateModel, client: DynamoDBClient): Promise<number> {
  const matters = model.ofType('AWS::DynamoDB::Table').find((t) => t.logicalId.startsWith('MattersTable'));
  if (!matters) return 0;
  const documents = DynamoDBDocumentClient.from(client);
  let written = 0;
  for (const guide of GUIDES) {
    try {
      await documents.send(
        new PutCommand({
          TableName: model.ref(matters),
          Item: { pk: `ITEM#${guide.implementationCode}`, sk: 'CURRENT', ...guide },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      written++;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
  return written;
}
