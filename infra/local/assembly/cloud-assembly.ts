import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown } }>;
  Conditions?: Record<string, unknown>;
  Parameters?: Record<string, { Type: string; Default?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
}

export interface AssemblyStack {
  name: string;
  template: CfnTemplate;
  /** Absolute directory of each file asset, by the S3 object key it would be published under. */
  assetsByObjectKey: Map<string, string>;
}

interface Manifest {
  artifacts: Record<
    string,
    { type: string; properties?: { templateFile?: string; file?: string }; dependencies?: string[] }
  >;
}

interface AssetManifest {
  files?: Record<string, { source: { path: string }; destinations: Record<string, { objectKey: string }> }>;
}

/** Reads a cloud assembly (cdk.out): its stacks in dependency order, their templates and their assets. */
export function readCloudAssembly(dir: string): AssemblyStack[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const artifacts = manifest.artifacts;
  const ordered: string[] = [];
  const visit = (id: string) => {
    if (ordered.includes(id)) return;
    for (const dep of artifacts[id]?.dependencies ?? []) visit(dep);
    ordered.push(id);
  };
  for (const id of Object.keys(artifacts)) visit(id);

  return ordered
    .filter((id) => artifacts[id]?.type === 'aws:cloudformation:stack')
    .map((name) => {
      const artifact = artifacts[name]!;
      const template = JSON.parse(readFileSync(join(dir, artifact.properties!.templateFile!), 'utf8'));
      const assetsByObjectKey = new Map<string, string>();
      for (const dep of artifact.dependencies ?? []) {
        const file =
          artifacts[dep]?.type === 'cdk:asset-manifest' ? artifacts[dep]?.properties?.file : undefined;
        if (!file) continue;
        const assets = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AssetManifest;
        for (const asset of Object.values(assets.files ?? {})) {
          for (const destination of Object.values(asset.destinations)) {
            assetsByObjectKey.set(destination.objectKey, join(dir, asset.source.path));
          }
        }
      }
      return { name, template, assetsByObjectKey };
    });
}
