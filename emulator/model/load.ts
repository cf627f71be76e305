/** Reads botocore models (`<aws-models>/<folder>/service-2.json`); each service names its folder. */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { type ServiceModel } from './types';

/** `AWS_MODELS_DIR`, else `<repo>/../shared/aws-models` (the emulator lives in `<repo>/emulator/model`). */
export function modelsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.AWS_MODELS_DIR) return path.resolve(env.AWS_MODELS_DIR);
  return path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'aws-models');
}

export function loadModel(dir: string, folder: string): ServiceModel {
  const file = path.join(dir, folder, 'service-2.json');
  if (!existsSync(file)) throw new Error(`AWS model not found: ${file} (set AWS_MODELS_DIR to the aws-models folder)`);
  return JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;
}
