import type { TemplateModel } from '../assembly/model.ts';
import { UnsupportedTemplatePropertyError } from '../errors.ts';
import type { LocalFunctionSpec } from '../lambda/types.ts';

/**
 * Every Lambda function of the app as the local runtime runs it: its bundled asset, handler and resolved
 * environment. Handlers of custom resources that local mode implements natively (the web deployment) are
 * left out, since nothing but CloudFormation ever invokes them.
 */
export function functionSpecs(model: TemplateModel): LocalFunctionSpec[] {
  const customResourceHandlers = new Set(
    model
      .all()
      .filter((r) => r.type.startsWith('Custom::'))
      .map((r) => String(model.properties(r).ServiceToken)),
  );
  const specs: LocalFunctionSpec[] = [];
  for (const fn of model.ofType('AWS::Lambda::Function')) {
    const arn = String(model.getAtt(fn, 'Arn'));
    if (customResourceHandlers.has(arn)) continue;
    const props = model.properties(fn);
    const fail = (property: string, why: string) =>
      new UnsupportedTemplatePropertyError(fn.path, fn.type, property, why);
    if (props.Layers) throw fail('Layers', 'layers are not mounted locally; bundle dependencies instead');
    const runtime = String(props.Runtime ?? '');
    if (!runtime.startsWith('nodejs')) throw fail('Runtime', `${runtime} cannot run locally`);
    const code = props.Code as { S3Key?: string; ZipFile?: string };
    const assetDir = code.S3Key ? model.stack(fn.stackName).assetsByObjectKey.get(code.S3Key) : undefined;
    if (!assetDir) throw fail('Code', 'only file assets from the cloud assembly can run locally');
    const logging = props.LoggingConfig as { LogFormat?: 'Text' | 'JSON'; LogGroup?: string } | undefined;
    specs.push({
      name: model.ref(fn),
      arn,
      assetDir,
      handler: String(props.Handler),
      runtime,
      environment: ((props.Environment as { Variables?: Record<string, string> })?.Variables ?? {}) as Record<
        string,
        string
      >,
      timeoutSeconds: Number(props.Timeout ?? 3),
      memoryMb: Number(props.MemorySize ?? 128),
      reservedConcurrency: props.ReservedConcurrentExecutions as number | undefined,
      logFormat: logging?.LogFormat,
      logGroupName: logging?.LogGroup,
    });
  }
  return specs;
}
