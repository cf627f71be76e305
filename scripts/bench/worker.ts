// One benchmark figure per process, run from the esbuild bundle (see bundle.ts):
//   node bench-worker.js <tree|faults|scale|plan> '<options as JSON>'
// Progress goes to stderr; the last stdout line is the result as JSON.
import { benchFaults, type FaultsOptions } from './faults';
import { benchPlan, type PlanOptions } from './plan';
import { benchScale, type ScaleOptions } from './scale';
import { benchTreeLoad, type TreeLoadOptions } from './treeLoad';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

async function main(): Promise<unknown> {
  const [figure, json] = process.argv.slice(2);
  const options: unknown = JSON.parse(json ?? '{}');
  switch (figure) {
    case 'tree':
      return benchTreeLoad(options as TreeLoadOptions, log);
    case 'faults':
      return benchFaults(options as FaultsOptions, log);
    case 'scale':
      return benchScale(options as ScaleOptions, log);
    case 'plan':
      return benchPlan(options as PlanOptions, log);
    default:
      throw new Error(`unknown figure "${figure}" (tree, faults, scale, plan)`);
  }
}

main().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
