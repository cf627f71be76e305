/** Storage Gateway's lookups shared by its handlers: ARNs, gateways and volumes by ARN, and its one error shape. */
import { ApiError } from '../../protocols/types';
import { type CallContext } from '../types';
import { type GatewayRecord, storageGatewayIn, type VolumeRecord } from './state';

/** Storage Gateway reports every request error as InvalidGatewayRequestException with an `error.errorCode`. */
export function gatewayError(errorCode: string, message: string): ApiError {
  return new ApiError('InvalidGatewayRequestException', 400, message, { error: { errorCode, errorDetails: {} } });
}

export const gatewayArn = (ctx: CallContext, id: string) =>
  `arn:aws:storagegateway:${ctx.region}:${ctx.account.accountId}:gateway/${id}`;
export const volumeArn = (ctx: CallContext, v: VolumeRecord) => `${gatewayArn(ctx, v.gatewayId)}/volume/${v.id}`;
export const targetArn = (ctx: CallContext, v: VolumeRecord) =>
  `${gatewayArn(ctx, v.gatewayId)}/target/iqn.1997-05.com.amazon:${v.targetName}`;

export function findGateway(ctx: CallContext, arn: string): GatewayRecord {
  const id = /^arn:aws[a-z-]*:storagegateway:([a-z0-9-]+):(\d+):gateway\/(sgw-[0-9A-Za-z]+)$/.exec(arn);
  const gateway =
    id && id[1] === ctx.region && id[2] === ctx.account.accountId
      ? storageGatewayIn(ctx.state).gateways.find((g) => g.id === id[3])
      : undefined;
  if (!gateway) throw gatewayError('GatewayNotFound', `The specified gateway was not found: ${arn}`);
  return gateway;
}

export function findVolume(ctx: CallContext, arn: string): VolumeRecord {
  const id =
    /^arn:aws[a-z-]*:storagegateway:([a-z0-9-]+):(\d+):gateway\/(sgw-[0-9A-Za-z]+)\/volume\/(vol-[0-9A-Za-z]+)$/.exec(
      arn,
    );
  const volume =
    id && id[1] === ctx.region && id[2] === ctx.account.accountId
      ? storageGatewayIn(ctx.state).volumes.find((v) => v.id === id[4] && v.gatewayId === id[3])
      : undefined;
  if (!volume) throw gatewayError('VolumeNotFound', `The specified volume was not found: ${arn}`);
  return volume;
}
