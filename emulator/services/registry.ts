import { type Models } from '../model/load';
import { docDbService } from './docdb';
import { ec2Service } from './ec2';
import { neptuneGraphService } from './neptuneGraph';
import { s3Service } from './s3';
import { simSpaceWeaverService } from './simSpaceWeaver';
import { storageGatewayService } from './storageGateway';
import { type ServiceDefinition } from './types';

/** Every emulated service, built from its model. */
export function buildServices(models: Models): ServiceDefinition[] {
  return [
    neptuneGraphService(models['neptune-graph']),
    storageGatewayService(models.storagegateway),
    docDbService(models.docdb),
    simSpaceWeaverService(models.simspaceweaver),
    ec2Service(models.ec2),
    s3Service(models.s3),
  ];
}
