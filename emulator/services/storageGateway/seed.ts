/**
 * Storage Gateway's part of the data file: each region's `gateways` and `volumes`; in bulk, `gatewayVolumes` on one
 * generated cached gateway (`sgw-B0000001`) and `ebsSnapshots` of those volumes (into EC2's state).
 */
import { BULK_BASE, countOf, HOUR, pad } from '../../state/bulk';
import { num, optionalStr, rowsOf, str, tagList, time } from '../../state/rows';
import { type ServiceData } from '../../state/seed';
import { ebsSnapshotsIn } from '../ec2/state';
import { GIB, storageGatewayIn } from './state';

const BULK_GATEWAY = 'sgw-B0000001';
const bulkVolumeId = (i: number) => `vol-B${pad(i, 7)}`;

export const storageGatewayData: ServiceData = {
  seedRegion(rows, { state, loadedAt }) {
    const { gateways, volumes } = storageGatewayIn(state);
    for (const g of rowsOf(rows, 'gateways')) {
      gateways.push({
        id: str(g, 'id'),
        name: str(g, 'name'),
        type: str(g, 'type', 'CACHED') === 'STORED' ? 'STORED' : 'CACHED',
        state: str(g, 'state', 'RUNNING') === 'SHUTDOWN' ? 'SHUTDOWN' : 'RUNNING',
        timezone: str(g, 'timezone', 'GMT'),
        softwareVersion: str(g, 'softwareVersion', '2.8.2'),
        ec2InstanceId: optionalStr(g, 'ec2InstanceId'),
        tags: tagList(g),
      });
    }
    for (const v of rowsOf(rows, 'volumes')) {
      volumes.push({
        id: str(v, 'id'),
        gatewayId: str(v, 'gatewayId'),
        type: str(v, 'type', 'CACHED') === 'STORED' ? 'STORED' : 'CACHED',
        sizeInBytes: num(v, 'sizeGiB', 100) * GIB,
        targetName: str(v, 'targetName', str(v, 'id').toLowerCase()),
        status: str(v, 'status', 'AVAILABLE'),
        createdDate: time(v, 'createTime', loadedAt),
        tags: tagList(v),
      });
    }
  },
  generate(spec, { state }) {
    const { gateways, volumes } = storageGatewayIn(state);
    const volumeCount = countOf(spec, 'gatewayVolumes');
    if (volumeCount > 0) {
      gateways.push({
        id: BULK_GATEWAY,
        name: 'bulk-gateway',
        type: 'CACHED',
        state: 'RUNNING',
        timezone: 'GMT',
        softwareVersion: '2.8.2',
        tags: [],
      });
      for (let i = 1; i <= volumeCount; i++) {
        volumes.push({
          id: bulkVolumeId(i),
          gatewayId: BULK_GATEWAY,
          type: 'CACHED',
          sizeInBytes: 10 * GIB,
          targetName: `bulk-${pad(i, 4)}`,
          status: 'AVAILABLE',
          createdDate: BULK_BASE + i * HOUR,
          tags: [],
        });
      }
    }
    const snapshots = ebsSnapshotsIn(state);
    for (let i = 1; i <= countOf(spec, 'ebsSnapshots'); i++) {
      const t = BULK_BASE + i * 60_000;
      snapshots.push({
        id: `snap-${pad(i, 17)}`,
        volumeId: bulkVolumeId(volumeCount ? ((i - 1) % volumeCount) + 1 : 1),
        description: `bulk snapshot ${i}`,
        volumeSize: 10,
        encrypted: false,
        startedAt: t,
        readyAt: t,
        tags: [],
      });
    }
  },
};
