import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

// One module per service so that a function bundles only the clients it uses. Clients are created once per
// container; endpoints come from the standard AWS_ENDPOINT_URL_<SERVICE> variables, which only local mode sets.
export const dynamodb = new DynamoDBClient({});
export const documents = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true },
});
