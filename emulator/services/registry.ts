/** Every emulated service, in the order health lists them: a new one is its folder in services/ and an entry here. */
import { docDb } from './docdb/index';
import { ec2 } from './ec2/index';
import { neptune } from './neptune/index';
import { neptuneGraph } from './neptuneGraph/index';
import { s3 } from './s3/index';
import { simSpaceWeaver } from './simSpaceWeaver/index';
import { sso } from './sso/index';
import { ssoOidc } from './ssoOidc/index';
import { storageGateway } from './storageGateway/index';
import { sts } from './sts/index';
import { type EmulatedService } from './types';

export const EMULATED_SERVICES: readonly EmulatedService[] = [
  neptuneGraph,
  storageGateway,
  docDb,
  neptune,
  simSpaceWeaver,
  ec2,
  s3,
  sts,
  sso,
  ssoOidc,
];
