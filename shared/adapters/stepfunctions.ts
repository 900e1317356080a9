import { SFNClient } from '@aws-sdk/client-sfn';

export const stepfunctions = new SFNClient({});
