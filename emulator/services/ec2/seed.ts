/** EC2's part of the data file: each region's `ebsSnapshots` (bulk ones come with Storage Gateway's bulk volumes). */
import { num, optionalStr, rowsOf, seededLifecycle, str, tagList } from '../../state/rows';
import { type ServiceData } from '../../state/seed';
import { ebsSnapshotsIn } from './state';

export const ec2Data: ServiceData = {
  seedRegion(rows, target) {
    const snapshots = ebsSnapshotsIn(target.state);
    for (const s of rowsOf(rows, 'ebsSnapshots')) {
      const t = seededLifecycle(
        s,
        { time: 'startTime', status: 'state', ready: 'completed', pending: 'pending' },
        target,
      );
      snapshots.push({
        id: str(s, 'id'),
        volumeId: str(s, 'volumeId'),
        description: str(s, 'description', ''),
        volumeSize: num(s, 'volumeSizeGiB', 100),
        encrypted: s.encrypted === true || optionalStr(s, 'kmsKeyId') !== undefined,
        kmsKeyId: optionalStr(s, 'kmsKeyId'),
        ...t.timed,
        fixedState: t.fixed,
        tags: tagList(s),
      });
    }
  },
};
