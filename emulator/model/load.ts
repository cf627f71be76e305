import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { type ServiceModel } from './types';

/** The model folders the emulator serves, keyed by the emulator's service id. */
export const MODEL_FOLDERS = {
  'neptune-graph': 'neptune-graph',
  storagegateway: 'storagegateway',
  docdb: 'docdb',
  simspaceweaver: 'simspaceweaver',
  ec2: 'ec2',
  s3: 's3',
} as const;

export type ServiceId = keyof typeof MODEL_FOLDERS;
export type Models = Record<ServiceId, ServiceModel>;

/** `AWS_MODELS_DIR`, else `<repo>/../shared/aws-models` (the emulator lives in `<repo>/emulator/model`). */
export function modelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AWS_MODELS_DIR) return path.resolve(env.AWS_MODELS_DIR);
  return path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'aws-models');
}

export function loadModels(dir: string = modelsDir()): Models {
  const load = (folder: string): ServiceModel => {
    const file = path.join(dir, folder, 'service-2.json');
    if (!existsSync(file))
      throw new Error(`AWS model not found: ${file} (set AWS_MODELS_DIR to the aws-models folder)`);
    return JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;
  };
  const entries = Object.entries(MODEL_FOLDERS).map(([id, folder]) => [id, load(folder)] as const);
  return Object.fromEntries(entries) as Models;
}
