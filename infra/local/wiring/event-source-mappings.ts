import type { TemplateModel } from '../assembly/model.ts';
import { UnsupportedTemplatePropertyError } from '../errors.ts';

export interface StreamMapping {
  path: string;
  tableName: string;
  functionName: string;
  batchSize: number;
  startingPosition: 'TRIM_HORIZON' | 'LATEST';
  bisectBatchOnFunctionError: boolean;
  maximumRetryAttempts?: number;
  maximumBatchingWindowInSeconds?: number;
  reportBatchItemFailures: boolean;
  filterCriteria?: { Filters: { Pattern: string }[] };
  onFailureDestination?: string;
  enabled: boolean;
}

/** Event source mappings on DynamoDB streams (the only kind the app uses; others stop local mode). */
export function streamMappings(model: TemplateModel): StreamMapping[] {
  return model.ofType('AWS::Lambda::EventSourceMapping').map((m) => {
    const props = model.properties(m);
    const source = String(props.EventSourceArn);
    const table = source.match(/:dynamodb:[^:]*:[^:]*:table\/([^/]+)\/stream\//)?.[1];
    if (!table) {
      throw new UnsupportedTemplatePropertyError(
        m.path,
        m.type,
        'EventSourceArn',
        `${source} is not a DynamoDB stream`,
      );
    }
    const destination = (props.DestinationConfig as { OnFailure?: { Destination?: string } } | undefined)
      ?.OnFailure?.Destination;
    return {
      path: m.path,
      tableName: table,
      functionName: String(props.FunctionName),
      batchSize: Number(props.BatchSize ?? 100),
      startingPosition: props.StartingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON',
      bisectBatchOnFunctionError: props.BisectBatchOnFunctionError === true,
      maximumRetryAttempts: props.MaximumRetryAttempts as number | undefined,
      maximumBatchingWindowInSeconds: props.MaximumBatchingWindowInSeconds as number | undefined,
      reportBatchItemFailures: ((props.FunctionResponseTypes ?? []) as string[]).includes(
        'ReportBatchItemFailures',
      ),
      filterCriteria: props.FilterCriteria as StreamMapping['filterCriteria'],
      onFailureDestination: destination,
      enabled: props.Enabled !== false,
    };
  });
}
