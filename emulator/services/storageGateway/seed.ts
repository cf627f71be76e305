/**
 * Storage Gateway's part of the data file: each region's `gateways` (with optional `networkInterfaces` and free
 * `localDisks`) and `volumes`; in bulk, `gatewayVolumes` on one generated cached gateway (`sgw-B0000001`) and
 * `ebsSnapshots` of those volumes (into EC2's state). Every gateway gets an upload buffer disk, a cached one a cache
 * disk, and each stored volume the disk it lives on.
 */
import { BULK_BASE, countOf, HOUR, pad } from '../../state/bulk';
import { num, optionalStr, rowsOf, str, tagList, time } from '../../state/rows';
import { type ServiceData } from '../../state/seed';
import { ebsSnapshotsIn } from '../ec2/state';
import { GIB, type GatewayRecord, type LocalDiskRecord, storageGatewayIn, type VolumeRecord } from './state';

const BULK_GATEWAY = 'sgw-B0000001';
const bulkVolumeId = (i: number) => `vol-B${pad(i, 7)}`;

/** The n-th local disk of a gateway VM, named as ListLocalDisks names them. */
function disk(n: number, sizeGiB: number, use: LocalDiskRecord['use']): LocalDiskRecord {
  return {
    id: `pci-0000:03:00.0-scsi-0:0:${n}:0`,
    path: `/dev/sd${String.fromCharCode(98 + n)}`,
    node: `SCSI (0:${n})`,
    sizeInBytes: sizeGiB * GIB,
    use,
  };
}

/** A gateway's disks: upload buffer, cache (cached gateways), one per stored volume, then the free ones listed. */
function giveDisks(gateway: GatewayRecord, volumes: VolumeRecord[], freeGiB: readonly number[]): void {
  const disks = [disk(0, 150, 'UPLOAD_BUFFER')];
  if (gateway.type === 'CACHED') disks.push(disk(1, 1024, 'CACHE_STORAGE'));
  for (const v of volumes) {
    if (v.gatewayId !== gateway.id || v.type !== 'STORED') continue;
    const own = disk(disks.length, Math.ceil(v.sizeInBytes / GIB), 'AVAILABLE');
    v.diskId = own.id;
    disks.push(own);
  }
  for (const gib of freeGiB) disks.push(disk(disks.length, gib, 'AVAILABLE'));
  gateway.disks = disks;
}

export const storageGatewayData: ServiceData = {
  seedRegion(rows, { state, loadedAt }) {
    const { gateways, volumes } = storageGatewayIn(state);
    const freeDisks = new Map<string, number[]>();
    for (const g of rowsOf(rows, 'gateways')) {
      freeDisks.set(
        str(g, 'id'),
        rowsOf(g, 'localDisks').map((d) => num(d, 'sizeGiB', 100)),
      );
      const interfaces = g.networkInterfaces;
      gateways.push({
        id: str(g, 'id'),
        name: str(g, 'name'),
        type: str(g, 'type', 'CACHED') === 'STORED' ? 'STORED' : 'CACHED',
        state: str(g, 'state', 'RUNNING') === 'SHUTDOWN' ? 'SHUTDOWN' : 'RUNNING',
        timezone: str(g, 'timezone', 'GMT'),
        softwareVersion: str(g, 'softwareVersion', '2.8.2'),
        ec2InstanceId: optionalStr(g, 'ec2InstanceId'),
        tags: tagList(g),
        interfaces: Array.isArray(interfaces) ? interfaces.map(String) : ['10.0.0.10'],
        disks: [],
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
    for (const g of gateways) if (freeDisks.has(g.id)) giveDisks(g, volumes, freeDisks.get(g.id) ?? []);
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
        interfaces: ['10.0.0.10'],
        disks: [],
      });
      giveDisks(gateways[gateways.length - 1] as GatewayRecord, volumes, []);
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
